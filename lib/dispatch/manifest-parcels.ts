export type ManifestParcel = { trackingNumber: string; destination: "buyer" | "seller"; recipientName: string; items: number; itemCodes: string[] };

type ManifestRow = { trackingNumber: string | null; destination: ManifestParcel["destination"]; recipientName: string | null; itemCode: string | null };

/** One parcel per tracking number, in the order the first of its items was packed (one pass, by a map). */
export function groupParcels(rows: readonly ManifestRow[]): ManifestParcel[] {
  const byTracking = new Map<string, ManifestParcel>();
  for (const r of rows) {
    const tracking = r.trackingNumber ?? "";
    let parcel = byTracking.get(tracking);
    if (!parcel) {
      parcel = { trackingNumber: tracking, destination: r.destination, recipientName: r.recipientName ?? "?", items: 0, itemCodes: [] };
      byTracking.set(tracking, parcel);
    }
    parcel.items += 1;
    if (r.itemCode) parcel.itemCodes.push(r.itemCode);
  }
  return [...byTracking.values()];
}

