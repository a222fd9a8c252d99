import { z } from "zod";
import { staffRoute } from "@/lib/http/staff-route";
import { DomainError } from "@/lib/errors/domain-error";
import { findUnitByCode } from "@/lib/receiving/find-unit-by-code";
import { scanIdSchema } from "@/lib/receiving/guards";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { classifyScan, invalidScanError } from "@/lib/scan-codes/classify";
import type { ReceivingScanAnswer } from "@/components/receiving/types";

const bodySchema = z.object({ scanId: scanIdSchema, code: z.string().trim().min(1).max(100) });

/**
 * Any scan at the receiving station: a parcel's tracking number is scanned in (scanParcel); an
 * item label is looked up and answered "already received as …"; other codes are refused.
 */
export const POST = staffRoute({ roles: ["operator"], body: bodySchema }, async ({ db, ctx, body }): Promise<ReceivingScanAnswer> => {
  const scan = classifyScan(body.code);
  if (scan.kind === "invalid") throw invalidScanError(scan);
  if (scan.kind === "item") {
    const unit = await findUnitByCode(db, ctx.centerId, scan.code);
    if (!unit) throw new DomainError("not_found:item", `No unit with code ${scan.code} in this center.`, { item: scan.code });
    return { kind: "unit", unit };
  }
  if (scan.kind !== "tracking") {
    throw new DomainError("validation:scan", `That is a ${scan.kind} code. At receiving, scan a parcel's tracking number.`, {
      reason: "wrong_kind",
      kind: scan.kind,
      code: body.code,
    });
  }
  const { result, repeated } = await scanParcel(db, ctx, { scanId: body.scanId, trackingNumber: body.code });
  return { kind: "parcel", ...result, repeated };
});
