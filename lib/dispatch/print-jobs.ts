import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { items, shipments } from "@/db/schema";
import { recordItemEvent, type RecordedAction, staffActor } from "@/lib/items/apply-transition";
import { definePrintJob } from "@/lib/printing/print-job";
import { normalizeTrackingNumber } from "@/lib/scan-codes/tracking-number";
import type { StaffContext } from "@/lib/auth/staff-context";
import { manifestDocument, packingSlipDocument, shippingLabelDocument } from "./documents";
import { loadManifest } from "./manifests";

const parcelInput = z.object({ trackingNumber: z.string().trim().min(1).max(60).transform(normalizeTrackingNumber) });

/** Logs a parcel document print on each of its items' audit trails. */
async function recordParcelPrint(tx: Tx, ctx: StaffContext, trackingNumber: string, action: RecordedAction, via: { format: string; printer: string | null }) {
  const rows = await tx
    .select({ item: items })
    .from(shipments)
    .innerJoin(items, eq(items.id, shipments.itemId))
    .where(and(eq(shipments.centerId, ctx.centerId), eq(shipments.trackingNumber, trackingNumber)));
  for (const { item } of rows) {
    await recordItemEvent(tx, { item, action, actor: staffActor(ctx), details: { trackingNumber, format: via.format, printer: via.printer } });
  }
}

export const shippingLabelJob = definePrintJob({
  roles: ["operator"],
  input: parcelInput,
  load: (q, ctx, input) => shippingLabelDocument(q, ctx.centerId, input.trackingNumber),
  record: (tx, ctx, input, via) => recordParcelPrint(tx, ctx, input.trackingNumber, "shipping_label_printed", via),
});

export const packingSlipJob = definePrintJob({
  roles: ["operator"],
  input: parcelInput,
  load: (q, ctx, input) => packingSlipDocument(q, ctx.centerId, input.trackingNumber),
  record: (tx, ctx, input, via) => recordParcelPrint(tx, ctx, input.trackingNumber, "packing_slip_printed", via),
});

export const manifestJob = definePrintJob({
  roles: ["operator"],
  input: z.object({ manifestId: z.uuid() }),
  load: async (q, ctx, input) => manifestDocument(q, ctx.centerId, await loadManifest(q, ctx.centerId, input.manifestId)),
  record: async () => {},
});
