/** URLs of the label files; the station id goes along for the print audit row. */
function station(): string {
  if (typeof window === "undefined") return "web";
  return window.localStorage.getItem("legit-station") ?? "web";
}

export function labelUrl(format: "pdf" | "zpl", itemIds: string[], reprint: boolean): string {
  const query = new URLSearchParams({ items: itemIds.join(","), reprint: reprint ? "1" : "0", station: station() });
  return `/api/station/labels/${format}?${query}`;
}
