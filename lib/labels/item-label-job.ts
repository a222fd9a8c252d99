import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { itemEvents, items } from "@/db/schema";
import { recordItemEvent, staffActor } from "@/lib/items/apply-transition";
import { definePrintJob } from "@/lib/printing/print-job";
import { findLabelData } from "./find-label-data";
import { itemLabelDocument } from "./item-labels";

/**
 * Item labels of received units. Each real print is logged on the item's audit trail: the first as
 * `label_printed`, every later one as `label_reprinted` (with format, printer and station).
 */
export const itemLabelJob = definePrintJob({
  roles: ["operator", "inspector"],
  input: z.object({ itemIds: z.array(z.uuid()).min(1).max(100).transform((ids) => [...new Set(ids)]) }),
  load: async (q, ctx, input) => itemLabelDocument(await findLabelData(q, ctx.centerId, input.itemIds)),
  record: async (tx, ctx, input, via) => {
    const rows = await tx
      .select()
      .from(items)
      .where(and(eq(items.centerId, ctx.centerId), inArray(items.id, input.itemIds)));
    const before = await tx
      .selectDistinct({ itemId: itemEvents.itemId })
      .from(itemEvents)
      .where(and(inArray(itemEvents.itemId, input.itemIds), inArray(itemEvents.action, ["label_printed", "label_reprinted"])));
    const printedBefore = new Set(before.map((r) => r.itemId));
    for (const item of rows) {
      await recordItemEvent(tx, {
        item,
        action: printedBefore.has(item.id) ? "label_reprinted" : "label_printed",
        actor: staffActor(ctx),
        details: { format: via.format, printer: via.printer, code: item.code, station: ctx.station ?? null },
      });
    }
  },
});
