/** "2 h 05 min" / "45 min" — how long an item has waited. */
export function formatWaiting(ms: number, units: { h: string; min: string }): string {
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes} ${units.min}`;
  return `${hours} ${units.h} ${String(minutes % 60).padStart(2, "0")} ${units.min}`;
}
