import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { scanRequests } from "@/db/schema";
import { purgeScanRequests, scanAnswerRetentionMs } from "@/lib/scans/purge-scan-requests";
import { withScanId } from "@/lib/scans/with-scan-id";
import { describeEachDb } from "../helpers/databases";
import { uniq } from "../helpers/fixtures";

const day = 24 * 60 * 60 * 1000;

describeEachDb("scan answers past their retention are deleted in batches", (use) => {
  it("deletes only answers older than the retention, oldest first, a batch at a time; a kept answer still answers a repeat", async () => {
    const db = use();
    const now = new Date("2030-03-01T00:00:00Z");
    const userId = "00000000-0000-4000-8000-000000000001";
    const tag = uniq("purge-");
    const ageOf = (days: number) => new Date(now.getTime() - days * day);
    const old = Array.from({ length: 7 }, (_, i) => ({ scanId: `${tag}-old-${i}`, userId, kind: "test", response: { ok: i }, createdAt: ageOf(8 + i) }));
    const young = [
      { scanId: `${tag}-young-0`, userId, kind: "test", response: { ok: "kept" }, createdAt: ageOf(6.9) },
      { scanId: `${tag}-young-1`, userId, kind: "test", response: { ok: "kept" }, createdAt: ageOf(0) },
    ];
    await db.insert(scanRequests).values([...old, ...young]);
    const ours = async () => (await db.select({ scanId: scanRequests.scanId }).from(scanRequests).where(inArray(scanRequests.scanId, [...old, ...young].map((r) => r.scanId)))).map((r) => r.scanId).sort();

    // One batch of 3: the three oldest go first.
    expect(await purgeScanRequests(db, { now, batchSize: 3, maxBatches: 1 })).toBe(3);
    const afterOne = await ours();
    for (const i of [4, 5, 6]) expect(afterOne).not.toContain(`${tag}-old-${i}`);

    // Then to the end, in batches.
    await purgeScanRequests(db, { now, batchSize: 3 });
    expect(await ours()).toEqual(young.map((r) => r.scanId).sort());
    expect(await purgeScanRequests(db, { now, batchSize: 3 })).toBe(0);

    // A kept answer still answers its repeat without doing the work again.
    let runs = 0;
    const repeat = await withScanId(db, { scanId: `${tag}-young-0`, userId, kind: "test" }, async () => ++runs);
    expect(repeat).toEqual({ result: "kept", repeated: true });
    expect(runs).toBe(0);
  });

  it("keeps a week by default", async () => {
    const db = use();
    const scanId = uniq("purge-week-");
    const now = new Date("2031-01-10T00:00:00Z");
    await db.insert(scanRequests).values({ scanId, userId: "00000000-0000-4000-8000-000000000002", kind: "test", createdAt: new Date(now.getTime() - scanAnswerRetentionMs + 60_000) });
    await purgeScanRequests(db, { now });
    expect(await db.select().from(scanRequests).where(eq(scanRequests.scanId, scanId))).toHaveLength(1);
    await purgeScanRequests(db, { now: new Date(now.getTime() + 120_000) });
    expect(await db.select().from(scanRequests).where(eq(scanRequests.scanId, scanId))).toHaveLength(0);
  });
});
