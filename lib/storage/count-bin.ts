import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { bins, cycleCountDifferences, cycleCounts, cycleCountScans, items, type CycleCount } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { normalizeItemCode } from "@/lib/scan-codes/item-code";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { binCodeSchema, itemCodeInputSchema, parseInput, requireStorageOperator, scanIdSchema } from "./guards";
import { findBin } from "./occupancy";

/** What the counting operator is told: never the expected contents (the count is blind). */
export type CountProgress = { countId: string; binCode: string; scanned: number; status: CycleCount["status"] };

export const startCountSchema = z.object({ scanId: scanIdSchema, binCode: binCodeSchema });

/**
 * The operator scans a bin to count it: its planned count starts (an unplanned bin gets a count
 * of its own). A count already under way by someone else is refused.
 */
export async function startCount(db: Db, ctx: StaffContext, input: z.input<typeof startCountSchema>): Promise<ScanOutcome<CountProgress>> {
  requireStorageOperator(ctx);
  const data = parseInput(startCountSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "storage.count.start" }, async (tx) => {
    const bin = await findBin(tx, ctx.centerId, data.binCode);
    await tx.insert(cycleCounts).values({ centerId: ctx.centerId, binId: bin.id, reason: "operator", plannedBy: ctx.userId }).onConflictDoNothing();
    const [count] = await tx
      .select()
      .from(cycleCounts)
      .where(and(eq(cycleCounts.binId, bin.id), ne(cycleCounts.status, "resolved")))
      .for("update");
    if (count.status === "submitted") {
      throw new DomainError("conflict:count_submitted", `The count of ${bin.code} is submitted and waits for a manager.`, { bin: bin.code });
    }
    if (count.status === "counting" && count.countedBy !== ctx.userId) {
      throw new DomainError("conflict:count_in_progress", `Someone else is counting ${bin.code}.`, { bin: bin.code });
    }
    const [started] = await tx
      .update(cycleCounts)
      .set({ status: "counting", countedBy: ctx.userId, startedAt: count.startedAt ?? new Date() })
      .where(eq(cycleCounts.id, count.id))
      .returning();
    return { countId: started.id, binCode: bin.code, scanned: await scannedCount(tx, started.id), status: started.status };
  });
}

export const countScanSchema = z.object({ scanId: scanIdSchema, countId: z.uuid(), itemCode: itemCodeInputSchema });

/** One item scanned in the bin being counted. Scanning the same code twice counts it once. */
export async function scanCountItem(db: Db, ctx: StaffContext, input: z.input<typeof countScanSchema>): Promise<ScanOutcome<CountProgress & { duplicate: boolean }>> {
  requireStorageOperator(ctx);
  const data = parseInput(countScanSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "storage.count.item" }, async (tx) => {
    const count = await countingByMe(tx, ctx, data.countId);
    const code = normalizeItemCode(data.itemCode);
    const [item] = await tx.select({ id: items.id }).from(items).where(and(eq(items.centerId, ctx.centerId), eq(items.code, code)));
    const inserted = await tx
      .insert(cycleCountScans)
      .values({ countId: count.id, code, itemId: item?.id ?? null })
      .onConflictDoNothing()
      .returning({ code: cycleCountScans.code });
    const [bin] = await tx.select({ code: bins.code }).from(bins).where(eq(bins.id, count.binId));
    return { countId: count.id, binCode: bin.code, scanned: await scannedCount(tx, count.id), status: count.status, duplicate: inserted.length === 0 };
  });
}

export const submitCountSchema = z.object({ scanId: scanIdSchema, countId: z.uuid() });

/**
 * The operator says the bin is done. Legit compares what was scanned with what is recorded in the
 * bin: expected but not scanned are missing, scanned but recorded elsewhere (or nowhere) are
 * unexpected. No differences: the count is closed at once. The bin's last count is now.
 */
export async function submitCount(db: Db, ctx: StaffContext, input: z.input<typeof submitCountSchema>): Promise<ScanOutcome<CountProgress>> {
  requireStorageOperator(ctx);
  const data = parseInput(submitCountSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "storage.count.submit" }, async (tx) => {
    const count = await countingByMe(tx, ctx, data.countId);
    // Lock the bin so no putaway or move changes its contents while they are compared.
    const [bin] = await tx.select().from(bins).where(eq(bins.id, count.binId)).for("update");
    const expected = await tx.select({ id: items.id, code: items.code }).from(items).where(eq(items.binId, bin.id));
    const scans = await tx.select().from(cycleCountScans).where(eq(cycleCountScans.countId, count.id));
    const scannedIds = new Set(scans.map((s) => s.itemId).filter(Boolean));
    const expectedIds = new Set(expected.map((e) => e.id));
    const missing = expected.filter((e) => !scannedIds.has(e.id));
    const unexpected = scans.filter((s) => !s.itemId || !expectedIds.has(s.itemId));
    const recorded = unexpected.length
      ? await tx
          .select({ id: items.id, binId: items.binId })
          .from(items)
          .where(inArray(items.id, unexpected.map((u) => u.itemId).filter((id): id is string => Boolean(id)).concat(["00000000-0000-0000-0000-000000000000"])))
      : [];
    const recordedBin = new Map(recorded.map((r) => [r.id, r.binId]));
    const differences = [
      ...missing.map((m) => ({ countId: count.id, kind: "missing" as const, itemId: m.id, code: m.code ?? "", recordedBinId: bin.id })),
      ...unexpected.map((u) => ({ countId: count.id, kind: "unexpected" as const, itemId: u.itemId, code: u.code, recordedBinId: u.itemId ? (recordedBin.get(u.itemId) ?? null) : null })),
    ];
    if (differences.length) await tx.insert(cycleCountDifferences).values(differences);
    const now = new Date();
    const status = differences.length ? "submitted" : "resolved";
    await tx
      .update(cycleCounts)
      .set({ status, submittedAt: now, ...(status === "resolved" ? { resolvedAt: now } : {}) })
      .where(eq(cycleCounts.id, count.id));
    await tx.update(bins).set({ lastCountedAt: now, countRequestedAt: null }).where(eq(bins.id, bin.id));
    return { countId: count.id, binCode: bin.code, scanned: scans.length, status };
  });
}

async function countingByMe(tx: Tx, ctx: StaffContext, countId: string): Promise<CycleCount> {
  const [count] = await tx
    .select()
    .from(cycleCounts)
    .where(and(eq(cycleCounts.id, countId), eq(cycleCounts.centerId, ctx.centerId)))
    .for("update");
  if (!count) throw new DomainError("not_found:count", "No such count in this center.");
  if (count.status !== "counting" || count.countedBy !== ctx.userId) {
    throw new DomainError("conflict:count_not_open", "This count is not open for you; scan the bin to start counting it.");
  }
  return count;
}

async function scannedCount(tx: Tx, countId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(cycleCountScans).where(eq(cycleCountScans.countId, countId));
  return row.n;
}
