import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "@/db/client";
import { bins, inboundOrders, items, pickLines, pickLists, products, shipments, users, type PickLine, type PickList } from "@/db/schema";
import { reusableQuery } from "@/db/reusable-query";
import { findBin } from "@/lib/storage/occupancy";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, recordItemEvent, staffActor } from "@/lib/items/apply-transition";
import { classifyScan } from "@/lib/scan-codes/classify";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { parseInput, requireDispatcher, scanIdSchema } from "./guards";
import { itemNameColumns, type ItemNames } from "./item-names";
import { finishListIfDone } from "./pick-queue";
import { productOfItem } from "@/lib/catalog/item-row-columns";

export type PickLineView = ItemNames & {
  id: string;
  sequence: number;
  status: "pending" | "picked" | "short";
  binCode: string | null;
  toteCode: string | null;
  destination: "buyer" | "seller" | null;
};

export type PickListView = {
  id: string;
  number: number;
  status: PickList["status"];
  claimedBy: string | null;
  currentBin: string | null;
  toteCode: string | null;
  lines: PickLineView[];
  /** The first line still to pick, along the bin path. */
  next: PickLineView | null;
};

export async function loadPickList(q: Queryable, centerId: string, pickListId: string): Promise<PickListView> {
  const [row] = await listRow(q, { pickListId, centerId });
  if (!row) throw new DomainError("not_found:pick_list", "No such pick list in this center.");
  return pickListView(row.list, row.currentBin, await linesOf(q, { pickListId }));
}

/** A list as the station shows it, from its row, the code of its current bin and its lines. */
function pickListView(list: PickList, currentBin: string | null, lines: PickLineView[]): PickListView {
  return {
    id: list.id,
    number: list.number,
    status: list.status,
    claimedBy: list.claimedBy,
    currentBin,
    toteCode: list.toteCode,
    lines,
    next: lines.find((l) => l.status === "pending") ?? null,
  };
}

// The statements of the picking station, their SQL built once (db/reusable-query.ts).
const slot = sql.placeholder;
const listSelect = (q: Queryable) =>
  q
    .select({ list: pickLists, currentBin: bins.code })
    .from(pickLists)
    .leftJoin(bins, eq(bins.id, pickLists.currentBinId))
    .where(and(eq(pickLists.id, slot("pickListId")), eq(pickLists.centerId, slot("centerId"))));
const listRow = reusableQuery((q) => listSelect(q));
const lockedListRow = reusableQuery((q) => listSelect(q).for("update", { of: pickLists }));
const linesOf = reusableQuery((q) =>
  q
    .select({
      id: pickLines.id,
      sequence: pickLines.sequence,
      status: pickLines.status,
      ...itemNameColumns,
      binCode: bins.code,
      toteCode: pickLines.toteCode,
      destination: shipments.destination,
    })
    .from(pickLines)
    .innerJoin(items, eq(items.id, pickLines.itemId))
    .leftJoin(products, productOfItem)
    .leftJoin(bins, eq(bins.id, pickLines.binId))
    .leftJoin(shipments, and(eq(shipments.itemId, items.id), sql`${shipments.status} <> 'dispatched'`))
    .where(eq(pickLines.pickListId, slot("pickListId")))
    .orderBy(asc(pickLines.sequence)),
);
const pendingLineInBin = reusableQuery((q) =>
  q
    .select({ id: pickLines.id })
    .from(pickLines)
    .where(and(eq(pickLines.pickListId, slot("pickListId")), eq(pickLines.binId, slot("binId")), sql`${pickLines.status} = 'pending'`))
    .limit(1),
);
// The scanned item's line, with the item locked for its transition (and what the transition's event needs).
const lineOfItemLocked = reusableQuery((q) =>
  q
    .select({ line: pickLines, item: items, orderExternalId: inboundOrders.externalId, now: sql`now()`.mapWith(items.updatedAt), binCode: bins.code })
    .from(pickLines)
    .innerJoin(items, eq(items.id, pickLines.itemId))
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .leftJoin(bins, eq(bins.id, pickLines.binId))
    .where(and(eq(pickLines.pickListId, slot("pickListId")), eq(items.code, slot("code"))))
    .orderBy(sql`${pickLines.status} = 'pending' desc`)
    .limit(1)
    .for("update", { of: items }),
);
// (Drizzle's types do not take a placeholder as an update's value; it fills and encodes one like any value.)
type Slotted<T> = { [K in keyof T]?: unknown };
const listSet = (set: Slotted<PickList>) => set as Partial<PickList>;
const setCurrentBin = reusableQuery((q) =>
  q
    .update(pickLists)
    .set(listSet({ currentBinId: slot("binId") }))
    .where(eq(pickLists.id, slot("pickListId"))),
);
const takeOutOfBin = reusableQuery((q) =>
  q
    .update(bins)
    .set({ occupied: sql`greatest(${bins.occupied} - 1, 0)` })
    .where(eq(bins.id, slot("binId"))),
);
const markPicked = reusableQuery((q) =>
  q
    .update(pickLines)
    .set({ status: "picked", pickedBy: slot("userId"), pickedAt: slot("at"), toteCode: slot("tote") } as Slotted<PickLine> as Partial<PickLine>)
    .where(eq(pickLines.id, slot("lineId"))),
);
const markListDone = reusableQuery((q) =>
  q
    .update(pickLists)
    .set(listSet({ status: "done", doneAt: slot("at"), currentBinId: sql`null` }))
    .where(and(eq(pickLists.id, slot("pickListId")), isNull(pickLists.doneAt))),
);

export const claimPickListSchema = z.object({ scanId: scanIdSchema, pickListId: z.uuid() });

/** Takes a pick list for the caller. Of two pickers claiming one list, exactly one gets it. */
export async function claimPickList(db: Db, ctx: StaffContext, input: z.input<typeof claimPickListSchema>): Promise<ScanOutcome<PickListView>> {
  requireDispatcher(ctx);
  const data = parseInput(claimPickListSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "dispatch.pick_claim" }, async (tx) => {
    const [claimed] = await tx
      .update(pickLists)
      .set({ status: "claimed", claimedBy: ctx.userId, claimedAt: new Date() })
      .where(and(eq(pickLists.id, data.pickListId), eq(pickLists.centerId, ctx.centerId), eq(pickLists.status, "open")))
      .returning({ id: pickLists.id });
    if (!claimed) await refuseClaim(tx, ctx, data.pickListId);
    return loadPickList(tx, ctx.centerId, data.pickListId);
  });
}

async function refuseClaim(tx: Tx, ctx: StaffContext, pickListId: string): Promise<void> {
  const [row] = await tx
    .select({ list: pickLists, name: users.name })
    .from(pickLists)
    .leftJoin(users, eq(users.id, pickLists.claimedBy))
    .where(and(eq(pickLists.id, pickListId), eq(pickLists.centerId, ctx.centerId)));
  if (!row) throw new DomainError("not_found:pick_list", "No such pick list in this center.");
  // Claiming one's own list again (another tablet, a retry) just opens it.
  if (row.list.status === "claimed" && row.list.claimedBy === ctx.userId) return;
  if (row.list.status === "done") throw new DomainError("conflict:pick_list_done", `Pick list ${row.list.number} is already done.`, { number: row.list.number });
  throw new DomainError("conflict:pick_list_claimed", `Pick list ${row.list.number} was just taken by ${row.name ?? "someone else"}; choose another.`, {
    number: row.list.number,
    name: row.name ?? "?",
  });
}

/** The caller's list, locked for this change (with its current bin's code); refused unless the caller holds it. */
async function myList(tx: Tx, ctx: StaffContext, pickListId: string): Promise<{ list: PickList; currentBin: string | null }> {
  const [row] = await lockedListRow(tx, { pickListId, centerId: ctx.centerId });
  if (!row) throw new DomainError("not_found:pick_list", "No such pick list in this center.");
  const { list } = row;
  if (list.status === "done") throw new DomainError("conflict:pick_list_done", `Pick list ${list.number} is already done.`, { number: list.number });
  if (list.claimedBy !== ctx.userId) {
    throw new DomainError("conflict:pick_list_not_yours", `Pick list ${list.number} is not yours; claim it first.`, { number: list.number });
  }
  return row;
}

export const pickScanSchema = z.object({ scanId: scanIdSchema, pickListId: z.uuid(), code: z.string().trim().min(1).max(200) });

export type PickScanAnswer = {
  kind: "bin" | "item" | "tote";
  /** The bin, item or tote scanned. */
  code: string;
  list: PickListView;
  /** The whole list is picked. */
  done: boolean;
};

/**
 * One scan at the picking station: a tote (collects the next items), the bin the picker is at
 * (must hold something still on the list), or an item (must be on the list and in the bin just
 * scanned). Picking an item takes it out of its bin at once: the item's bin and the bin's
 * occupancy change in the same transaction as its `pick` transition.
 */
export async function pickScan(db: Db, ctx: StaffContext, input: z.input<typeof pickScanSchema>): Promise<ScanOutcome<PickScanAnswer>> {
  requireDispatcher(ctx);
  const data = parseInput(pickScanSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "dispatch.pick_scan" }, async (tx) => {
    const locked = await myList(tx, ctx, data.pickListId);
    const list = locked.list;
    const scan = classifyScan(data.code);
    // The answer: the list as this scan left it, from its locked row, this scan's change and its
    // lines read once (they also tell whether it is done: nothing pending).
    const answer = async (kind: PickScanAnswer["kind"], code: string, changed: Partial<PickList> = {}, currentBin = locked.currentBin): Promise<PickScanAnswer> => {
      const lines = await linesOf(tx, { pickListId: list.id });
      const done = !lines.some((l) => l.status === "pending");
      if (done) await markListDone(tx, { pickListId: list.id, at: new Date() });
      const after = done ? { ...list, ...changed, status: "done" as const, currentBinId: null } : { ...list, ...changed };
      return { kind, code, list: pickListView(after, done ? null : currentBin, lines), done };
    };
    if (scan.kind === "tote") {
      await tx.update(pickLists).set({ toteCode: scan.code }).where(eq(pickLists.id, list.id));
      return answer("tote", scan.code, { toteCode: scan.code });
    }
    if (scan.kind === "bin") {
      const bin = await scanBin(tx, ctx, list, scan.code);
      await setCurrentBin(tx, { binId: bin.id, pickListId: list.id });
      return answer("bin", scan.code, { currentBinId: bin.id }, bin.code);
    }
    if (scan.kind === "item") {
      await pickItem(tx, ctx, list, scan.code);
      return answer("item", scan.code);
    }
    if (scan.kind === "invalid") throw new DomainError("validation:scan_invalid", scan.message, { code: scan.input });
    throw new DomainError("validation:pick_scan", `${data.code} is not a bin, item or tote code.`, { code: data.code });
  });
}

async function nextPendingBin(tx: Tx, listId: string): Promise<string | null> {
  const [next] = await tx
    .select({ code: bins.code })
    .from(pickLines)
    .leftJoin(bins, eq(bins.id, pickLines.binId))
    .where(and(eq(pickLines.pickListId, listId), eq(pickLines.status, "pending")))
    .orderBy(asc(pickLines.sequence))
    .limit(1);
  return next?.code ?? null;
}

async function scanBin(tx: Tx, ctx: StaffContext, list: PickList, code: string) {
  const bin = await findBin(tx, ctx.centerId, code).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "not_found:bin") throw new DomainError("not_found:scanned_bin", `There is no bin ${code} in this center.`, { bin: code });
    throw error;
  });
  const [line] = await pendingLineInBin(tx, { pickListId: list.id, binId: bin.id });
  if (!line) {
    const expected = await nextPendingBin(tx, list.id);
    throw new DomainError("conflict:wrong_bin", `Nothing on this list is in ${code}; go to ${expected ?? "—"}.`, { bin: code, expected: expected ?? "—" });
  }
  return bin;
}

async function pickItem(tx: Tx, ctx: StaffContext, list: PickList, code: string): Promise<void> {
  const [row] = await lineOfItemLocked(tx, { pickListId: list.id, code });
  if (!row) throw new DomainError("conflict:wrong_item", `${code} is not on this pick list; put it back where it was.`, { code });
  if (row.line.status === "picked") throw new DomainError("conflict:already_picked", `${code} was already picked.`, { code });
  if (row.line.status === "short") throw new DomainError("conflict:reported_short", `${code} was reported missing from its bin; a manager is looking into it.`, { code });
  if (row.line.binId && row.line.binId !== list.currentBinId) {
    throw new DomainError("conflict:scan_bin_first", `Scan bin ${row.binCode} first, then ${code}.`, { code, bin: row.binCode ?? "—" });
  }
  await applyTransition(tx, {
    itemId: row.item.id,
    action: "pick",
    // Locked by the line's read above: the transition does not read it again.
    locked: { item: row.item, orderExternalId: row.orderExternalId, now: row.now },
    actor: staffActor(ctx),
    centerId: ctx.centerId,
    set: { binId: null },
    details: { pickListId: list.id, pickListNumber: list.number, binCode: row.binCode ?? undefined, tote: list.toteCode },
  });
  if (row.line.binId) await takeOutOfBin(tx, { binId: row.line.binId });
  await markPicked(tx, { lineId: row.line.id, userId: ctx.userId, at: new Date(), tote: list.toteCode });
}

export const shortPickSchema = z.object({ scanId: scanIdSchema, pickListId: z.uuid(), lineId: z.uuid() });

/**
 * The item is not in its bin: the line becomes a manager exception (see listShortPicks) and its
 * bin is flagged for a count. The item stays awaiting pick, off every list, until a manager
 * resolves it.
 */
export async function reportShortPick(db: Db, ctx: StaffContext, input: z.input<typeof shortPickSchema>): Promise<ScanOutcome<PickScanAnswer>> {
  requireDispatcher(ctx);
  const data = parseInput(shortPickSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "dispatch.pick_short" }, async (tx) => {
    const { list } = await myList(tx, ctx, data.pickListId);
    const [line] = await tx
      .select({ line: pickLines, item: items, binCode: bins.code })
      .from(pickLines)
      .innerJoin(items, eq(items.id, pickLines.itemId))
      .leftJoin(bins, eq(bins.id, pickLines.binId))
      .where(and(eq(pickLines.id, data.lineId), eq(pickLines.pickListId, list.id)))
      .for("update", { of: pickLines });
    if (!line) throw new DomainError("not_found:pick_line", "No such line on this pick list.");
    if (line.line.status !== "pending") {
      throw new DomainError("conflict:pick_line_done", `${line.item.code} is already ${line.line.status}.`, { code: line.item.code ?? "?", status: line.line.status });
    }
    await tx
      .update(pickLines)
      .set({ status: "short", shortReportedBy: ctx.userId, shortReportedAt: new Date() })
      .where(eq(pickLines.id, line.line.id));
    // Storage's count planning picks up bins with a requested count.
    if (line.line.binId) await tx.update(bins).set({ countRequestedAt: new Date() }).where(eq(bins.id, line.line.binId));
    await recordItemEvent(tx, {
      item: line.item,
      action: "short_pick",
      actor: staffActor(ctx),
      details: { pickListId: list.id, pickListNumber: list.number, bin: line.binCode, countRequested: true },
    });
    const done = await finishListIfDone(tx, list.id);
    return { kind: "item", code: line.item.code ?? "", list: await loadPickList(tx, ctx.centerId, list.id), done };
  });
}
