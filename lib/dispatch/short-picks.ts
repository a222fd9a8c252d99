import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { bins, items, pickLines, pickLists, products, users } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { recordItemEvent, staffActor } from "@/lib/items/apply-transition";
import { parseInput, requireManager } from "./guards";
import { itemNameColumns, type ItemNames } from "./item-names";
import { productOfItem } from "@/lib/catalog/item-row-columns";

export type ShortPick = ItemNames & {
  lineId: string;
  /** The bin it should have been in: flagged for a count until resolved. */
  binCode: string | null;
  pickListNumber: number;
  reportedBy: string | null;
  reportedAt: string;
};

/** Open short picks of a center, oldest first: the manager's exception list (desk reads it too). */
export async function listShortPicks(q: Queryable, centerId: string, opts: { limit?: number } = {}): Promise<ShortPick[]> {
  const query = q
    .select({
      lineId: pickLines.id,
      ...itemNameColumns,
      binCode: bins.code,
      pickListNumber: pickLists.number,
      reportedBy: users.name,
      reportedAt: pickLines.shortReportedAt,
    })
    .from(pickLines)
    .innerJoin(items, eq(items.id, pickLines.itemId))
    .leftJoin(products, productOfItem)
    .innerJoin(pickLists, eq(pickLists.id, pickLines.pickListId))
    .leftJoin(bins, eq(bins.id, pickLines.binId))
    .leftJoin(users, eq(users.id, pickLines.shortReportedBy))
    .where(and(eq(pickLines.centerId, centerId), eq(pickLines.status, "short"), isNull(pickLines.resolvedAt)))
    .orderBy(asc(pickLines.shortReportedAt), asc(pickLines.id));
  const rows = await (opts.limit === undefined ? query : query.limit(opts.limit));
  return rows.map((r) => ({ ...r, reportedAt: (r.reportedAt ?? new Date(0)).toISOString() }));
}

/** Bins with an open short pick: they need a count (until storage's count flag takes this over). @public */
export async function binsFlaggedForCount(q: Queryable, centerId: string): Promise<string[]> {
  const rows = await listShortPicks(q, centerId);
  return [...new Set(rows.map((r) => r.binCode).filter((c): c is string => c !== null))];
}

export const resolveShortPickSchema = z.object({ lineId: z.uuid(), note: z.string().trim().max(500).optional() });

/**
 * A manager closes a short pick once the item is found (after the bin's count): the item goes
 * back on the next pick list.
 */
export async function resolveShortPick(db: Db, ctx: StaffContext, input: z.input<typeof resolveShortPickSchema>): Promise<{ itemCode: string | null }> {
  requireManager(ctx);
  const data = parseInput(resolveShortPickSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ line: pickLines, item: items })
      .from(pickLines)
      .innerJoin(items, eq(items.id, pickLines.itemId))
      .where(and(eq(pickLines.id, data.lineId), eq(pickLines.centerId, ctx.centerId)))
      .for("update", { of: pickLines });
    if (!row || row.line.status !== "short") throw new DomainError("not_found:short_pick", "No such short pick in this center.");
    if (row.line.resolvedAt) throw new DomainError("conflict:short_pick_resolved", `The short pick of ${row.item.code} was already resolved.`, { code: row.item.code ?? "?" });
    await tx
      .update(pickLines)
      .set({ resolvedAt: new Date(), resolvedBy: ctx.userId, resolution: data.note ?? "found" })
      .where(eq(pickLines.id, row.line.id));
    await recordItemEvent(tx, {
      item: row.item,
      action: "short_pick_resolved",
      actor: staffActor(ctx),
      details: { note: data.note ?? null },
    });
    return { itemCode: row.item.code };
  });
}
