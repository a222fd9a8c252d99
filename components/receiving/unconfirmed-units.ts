import type { ParcelDetail, UnitView } from "@/lib/receiving/wire-types";

/**
 * Units of the parcel's announced orders still to confirm in the box: expected, not received, not
 * recorded missing at a close of this parcel. Unexpected units and cancelled ones are not counted.
 */
export function unconfirmedUnits(detail: ParcelDetail | null): UnitView[] {
  if (!detail || detail.parcel.status !== "received") return [];
  const missing = new Set(detail.missingAtClose ?? []);
  return detail.orders
    .filter((o) => !o.placeholder)
    .flatMap((o) => o.units.filter((u) => !u.unexpected && u.state === "expected" && u.receivedAt === null && !missing.has(u.itemId)));
}
