import { and, asc, eq, inArray, isNull, notExists, sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/db/client";
import { bins, items, pickLines, pickLists, shipments, users, zones, type PickList } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { requireDispatcher } from "./guards";

/** Items per pick list: about one trolley round. */
export const pickListSize = 20;

export type PickListSummary = {
  id: string;
  number: number;
  status: PickList["status"];
  claimedBy: { id: string; name: string } | null;
  mine: boolean;
  lines: number;
  pending: number;
  firstBin: string | null;
  /** Earliest ship-by deadline of its items (ISO). */
  shipBy: string | null;
};

/**
 * Puts every storage item waiting to be picked that is on no list into new lists, in bin-path
 * order (zone, then the bin's pick sequence), at most `pickListSize` per list. Runs under a
 * per-center lock, so two stations reading at once never list an item twice.
 */
export async function buildPickLists(tx: Tx, centerId: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pick-lists:${centerId}`}))`);
  const waiting = await tx
    .select({ itemId: items.id, binId: items.binId })
    .from(items)
    .leftJoin(bins, eq(bins.id, items.binId))
    .leftJoin(zones, eq(zones.id, bins.zoneId))
    .where(
      and(
        eq(items.centerId, centerId),
        eq(items.state, "awaiting_pick"),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(pickLines)
            .where(and(eq(pickLines.itemId, items.id), sql`(${pickLines.status} = 'pending' or (${pickLines.status} = 'short' and ${pickLines.resolvedAt} is null))`)),
        ),
      ),
    )
    .orderBy(sql`${zones.code} asc nulls last`, sql`${bins.pickSequence} asc nulls last`, asc(bins.code), asc(items.code));
  if (waiting.length === 0) return 0;
  const [{ max }] = await tx
    .select({ max: sql<number>`coalesce(max(${pickLists.number}), 0)::int` })
    .from(pickLists)
    .where(eq(pickLists.centerId, centerId));
  let number = Number(max);
  for (let start = 0; start < waiting.length; start += pickListSize) {
    const chunk = waiting.slice(start, start + pickListSize);
    number += 1;
    const [list] = await tx.insert(pickLists).values({ centerId, number }).returning();
    await tx.insert(pickLines).values(chunk.map((w, i) => ({ pickListId: list.id, centerId, itemId: w.itemId, binId: w.binId, sequence: i + 1 })));
  }
  return Math.ceil(waiting.length / pickListSize);
}

/** The pick queue: open and claimed lists, oldest first, after listing newly waiting items. */
export async function readPickQueue(db: Db, ctx: StaffContext): Promise<PickListSummary[]> {
  requireDispatcher(ctx);
  await db.transaction((tx) => buildPickLists(tx, ctx.centerId));
  return listPickLists(db, ctx, inArray(pickLists.status, ["open", "claimed"]));
}

export async function listPickLists(q: Queryable, ctx: StaffContext, where = inArray(pickLists.status, ["open", "claimed"])): Promise<PickListSummary[]> {
  const rows = await q
    .select({
      id: pickLists.id,
      number: pickLists.number,
      status: pickLists.status,
      claimedById: pickLists.claimedBy,
      claimedByName: users.name,
      lines: sql<number>`(select count(*)::int from ${pickLines} l where l.pick_list_id = ${pickLists.id})`,
      pending: sql<number>`(select count(*)::int from ${pickLines} l where l.pick_list_id = ${pickLists.id} and l.status = 'pending')`,
      firstBin: sql<string | null>`(select b.code from ${pickLines} l join ${bins} b on b.id = l.bin_id where l.pick_list_id = ${pickLists.id} and l.status = 'pending' order by l.sequence limit 1)`,
      shipBy: sql<string | null>`(select min(s.ship_by)::text from ${pickLines} l join ${shipments} s on s.item_id = l.item_id and s.status = 'open' where l.pick_list_id = ${pickLists.id} and l.status = 'pending')`,
    })
    .from(pickLists)
    .leftJoin(users, eq(users.id, pickLists.claimedBy))
    .where(and(eq(pickLists.centerId, ctx.centerId), where))
    .orderBy(asc(pickLists.number));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    claimedBy: r.claimedById ? { id: r.claimedById, name: r.claimedByName ?? "?" } : null,
    mine: r.claimedById === ctx.userId,
    lines: Number(r.lines),
    pending: Number(r.pending),
    firstBin: r.firstBin,
    shipBy: r.shipBy ? new Date(r.shipBy).toISOString() : null,
  }));
}

/** Lists with nothing left to pick are done. */
export async function finishListIfDone(tx: Tx, pickListId: string): Promise<boolean> {
  const [left] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(pickLines)
    .where(and(eq(pickLines.pickListId, pickListId), eq(pickLines.status, "pending")));
  if (Number(left.n) > 0) return false;
  await tx.update(pickLists).set({ status: "done", doneAt: new Date(), currentBinId: null }).where(and(eq(pickLists.id, pickListId), isNull(pickLists.doneAt)));
  return true;
}
