import { z } from "zod";
import { staffRoute } from "@/lib/http/staff-route";
import { DomainError } from "@/lib/errors/domain-error";
import { findUnitByCode } from "@/lib/receiving/find-unit-by-code";
import { scanIdSchema } from "@/lib/receiving/guards";
import { isKnownParcel, scanParcel } from "@/lib/receiving/scan-parcel";
import { classifyScan, invalidScanError } from "@/lib/scan-codes/classify";
import type { ReceivingScanAnswer } from "@/lib/receiving/wire-types";

const bodySchema = z.object({
  scanId: scanIdSchema,
  code: z.string().trim().min(1).max(100),
  /** The operator confirmed: open an unmatched-parcel entry for a number no order expects. */
  confirmUnmatched: z.boolean().optional(),
});

/**
 * Any scan at the receiving station: a parcel's tracking number is scanned in (scanParcel); an
 * item label is looked up and answered "already received as …"; other codes are refused. A number
 * that no order expects and no parcel has is answered `unknown` (nothing recorded) until the
 * operator confirms it with `confirmUnmatched`.
 */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: bodySchema }, async ({ db, ctx, body }): Promise<ReceivingScanAnswer> => {
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
  if (!body.confirmUnmatched && !(await isKnownParcel(db, ctx.centerId, body.code, scan.trackingNumber))) {
    return { kind: "unknown", trackingNumber: scan.trackingNumber };
  }
  const { result, repeated } = await scanParcel(db, ctx, { scanId: body.scanId, trackingNumber: body.code });
  return { kind: "parcel", ...result, repeated };
});
