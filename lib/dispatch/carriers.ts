import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { carrierRanges } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * A carrier's way of giving a parcel its tracking number. "manual": the operator scans the number
 * from the carrier's pre-printed label; "range": Legit issues the next number of a range the
 * carrier assigned to the center. A real carrier API is one more adapter.
 */
export interface CarrierAdapter {
  readonly kind: "manual" | "range";
  /** A number for a new parcel, or null when the operator must scan one. */
  issueTrackingNumber(tx: Tx, centerId: string, carrier: string): Promise<string | null>;
}

export const manualAdapter: CarrierAdapter = {
  kind: "manual",
  issueTrackingNumber: async () => null,
};

export const rangeAdapter: CarrierAdapter = {
  kind: "range",
  async issueTrackingNumber(tx, centerId, carrier) {
    // One statement takes the next number: two packers never get the same one.
    const [row] = await tx
      .update(carrierRanges)
      .set({ nextNumber: sql`${carrierRanges.nextNumber} + 1` })
      .where(and(eq(carrierRanges.centerId, centerId), eq(carrierRanges.carrier, carrier), sql`${carrierRanges.nextNumber} <= ${carrierRanges.lastNumber}`))
      .returning({ prefix: carrierRanges.prefix, issued: sql<number>`${carrierRanges.nextNumber} - 1`, digits: carrierRanges.digits });
    if (!row) {
      throw new DomainError("conflict:carrier_range_exhausted", `No tracking numbers are left for ${carrier}; ask a manager to enter the carrier's next range, or scan the carrier's label.`, {
        carrier,
      });
    }
    return `${row.prefix}${String(row.issued).padStart(row.digits, "0")}`;
  },
};

export type Carrier = { code: string; name: string; adapter: CarrierAdapter };

/** The carriers a center hands parcels to. */
export const carriers: readonly Carrier[] = [
  { code: "CJ", name: "CJ Logistics", adapter: rangeAdapter },
  { code: "HANJIN", name: "Hanjin", adapter: manualAdapter },
  { code: "EPOST", name: "Korea Post", adapter: manualAdapter },
];

export const carrierCodes = carriers.map((c) => c.code) as [string, ...string[]];

export function findCarrier(code: string): Carrier {
  const carrier = carriers.find((c) => c.code === code);
  if (!carrier) throw new DomainError("validation:carrier", `Unknown carrier ${code}.`, { carrier: code });
  return carrier;
}
