import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { reasonCodes } from "@/db/schema";

export type ReasonLabel = { code: string; labelEn: string; labelKo: string };

/**
 * The center's labels of the given reason codes, read at once: answers a function that names any
 * of them (a code the center no longer has is named by its code).
 */
export async function reasonLabeller(q: Queryable, centerId: string, codes: readonly string[]): Promise<(codes: readonly string[]) => ReasonLabel[]> {
  const wanted = [...new Set(codes)];
  const rows = wanted.length
    ? await q
        .select({ code: reasonCodes.code, labelEn: reasonCodes.labelEn, labelKo: reasonCodes.labelKo })
        .from(reasonCodes)
        .where(and(eq(reasonCodes.centerId, centerId), inArray(reasonCodes.code, wanted)))
    : [];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return (of) => of.map((code) => byCode.get(code) ?? { code, labelEn: code, labelKo: code });
}
