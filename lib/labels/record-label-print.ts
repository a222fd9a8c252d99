import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { items } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { recordItemEvent } from "@/lib/items/apply-transition";
import { parseInput, requireRole } from "@/lib/receiving/guards";
import { findLabelData } from "./find-label-data";
import type { LabelData } from "./label-data";

export const labelFormats = ["pdf", "zpl"] as const;
export type LabelFormat = (typeof labelFormats)[number];

export const recordLabelPrintSchema = z.object({
  itemId: z.uuid(),
  format: z.enum(labelFormats),
  reprint: z.boolean(),
});

/**
 * Logs a label print (action `label_printed`, or `label_reprinted` for a reprint) on the item's
 * audit trail and returns what to print. Call it whenever a label is rendered for a person.
 */
export async function recordLabelPrint(db: Db, ctx: StaffContext, input: z.input<typeof recordLabelPrintSchema>): Promise<LabelData> {
  requireRole(ctx, ["operator", "inspector"], "Only floor staff and managers can print item labels.");
  const { itemId, format, reprint } = parseInput(recordLabelPrintSchema, input);
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(items)
      .where(and(eq(items.centerId, ctx.centerId), eq(items.id, itemId)));
    if (!item) throw new DomainError("not_found:item", "No such item in this center.");
    const [label] = await findLabelData(tx, ctx.centerId, [item.id]);
    await recordItemEvent(tx, {
      item,
      action: reprint ? "label_reprinted" : "label_printed",
      actor: { userId: ctx.userId, station: ctx.station },
      details: { format, code: item.code, station: ctx.station ?? null },
    });
    return label;
  });
}
