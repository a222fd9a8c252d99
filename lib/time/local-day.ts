/**
 * The instant a center's local day began, for "today" on the manager's desk. Centers run in
 * several time zones while the server runs in UTC. (Uses the offset at `now`; a DST change earlier
 * that same day would shift it by the DST step, which none of our zones have.)
 */
export function startOfLocalDay(timeZone: string, now: Date): Date {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wholeSecond = Math.floor(now.getTime() / 1000) * 1000;
  const offset = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - wholeSecond;
  return new Date(Date.UTC(get("year"), get("month") - 1, get("day")) - offset);
}
