import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(__dirname, "../..");

/** Every source file under the given top-level folders, as paths relative to the repository root. */
export function sourceFiles(folders: string[], extensions = [".ts", ".tsx"]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(rel);
      } else if (extensions.some((e) => entry.name.endsWith(e))) out.push(rel.split(path.sep).join("/"));
    }
  };
  for (const folder of folders) walk(folder);
  return out.sort();
}

export const read = (rel: string) => readFileSync(path.join(root, rel), "utf8");
