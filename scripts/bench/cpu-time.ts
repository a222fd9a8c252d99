import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;
const ticks = () => (ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100);

/**
 * CPU time (user + system, ms) used so far by a process and all its descendants, live or reaped, from /proc (Linux;
 * 0 elsewhere). Per request it tells what a phase cost the app itself, which a shared machine's load
 * distorts far less than requests per second do.
 */
export function cpuMsOfTree(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the name); cutime and cstime (16
    // and 17) hold the children it has reaped, so a backend that exits mid-phase is not lost from the sum.
    let ms = ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / ticks();
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children ? children.split(" ") : []) ms += cpuMsOfTree(Number(child));
    }
    return ms;
  } catch {
    return 0;
  }
}

/** This process's CPU time so far (ms). */
export const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
