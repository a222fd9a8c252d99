import { localParts } from "./local-parts";

/**
 * The instant a center's local day began, for "today" on the manager's desk. Centers run in
 * several time zones while the server runs in UTC. (Uses the offset at `now`; a DST change earlier
 * that same day would shift it by the DST step, which none of our zones have.)
 */
export function startOfLocalDay(timeZone: string, now: Date): Date {
  const local = localParts(timeZone, now);
  const wholeSecond = Math.floor(now.getTime() / 1000) * 1000;
  const offset = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - wholeSecond;
  return new Date(Date.UTC(local.year, local.month - 1, local.day) - offset);
}
