import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { readInspectionQueue } from "@/lib/inspection/read-inspection-queue";
import { countTimedOutClaims, countTimedOutClaimsReceivedBefore } from "@/lib/inspection/timed-out-claims";
import { createOrderWithItems } from "../helpers/fixtures";
import { describeEachDb } from "../helpers/databases";
import { planLine, planOf } from "../helpers/explain-plan";
import { inspectionCenter } from "./inspection-fixtures";

const oldClaims = 1_050;
const filler = 2_000;

describeEachDb("inspection queue: every timed-out claim is listed and counted, the counts read the claims' index", (use) => {
  const t0 = new Date();
  const ago = (minutes: number) => new Date(t0.getTime() - minutes * 60_000).toISOString();
  let c: Awaited<ReturnType<typeof inspectionCenter>>;
  let newest: string;
  let recent: string[];

  beforeAll(async () => {
    const db = use();
    c = await inspectionCenter(db);
    // 1,050 claims timed out two days ago (units received three days ago), one timed out a minute
    // ago on a unit received ten days ago (the first in queue order), five timed out on units
    // received an hour ago (waiting, not overdue), twenty live claims, and 2,000 stored units
    // inspected long ago: a few thousand rows for the planner.
    const stale = await createOrderWithItems(db, c.center.id, Array(oldClaims).fill("in_inspection"), { type: "storage" });
    const [late] = await createOrderWithItems(db, c.center.id, ["in_inspection"], { type: "storage" });
    const recentItems = await createOrderWithItems(db, c.center.id, Array(5).fill("in_inspection"), { type: "storage" });
    const live = await createOrderWithItems(db, c.center.id, Array(20).fill("in_inspection"), { type: "storage" });
    const done = await createOrderWithItems(db, c.center.id, Array(filler).fill("stored"), { type: "storage" });
    newest = late.id;
    recent = recentItems.map((i) => i.id);
    const claim = async (ids: string[], status: string, receivedMinutesAgo: number, claimedMinutesAgo: (k: number) => number) => {
      await db.execute(sql`update items set received_at = ${ago(receivedMinutesAgo)}::timestamptz where id = any(${`{${ids.join(",")}}`}::uuid[])`);
      await db.execute(sql`
        insert into inspections (item_id, center_id, inspector_id, status, claimed_at)
        select id, center_id, ${c.inspector.id}::uuid, ${status}, ${t0.toISOString()}::timestamptz - make_interval(mins => (${`{${ids.map((_, k) => claimedMinutesAgo(k)).join(",")}}`}::int[])[k])
        from unnest(${`{${ids.join(",")}}`}::uuid[]) with ordinality as u(id, k) join items using (id)`);
    };
    await claim(stale.map((i) => i.id), "open", 3 * 24 * 60, (k) => 2 * 24 * 60 - k);
    await claim([late.id], "open", 10 * 24 * 60, () => 31);
    await claim(recent, "open", 60, () => 35);
    await claim(live.map((i) => i.id), "open", 60, () => 1);
    await claim(done.map((i) => i.id), "done", 6 * 24 * 60, () => 5 * 24 * 60);
    await db.execute(sql`analyze items`);
    await db.execute(sql`analyze inspections`);
  }, 120_000);

  it("lists a timed-out claim newer than the oldest 1,000, in queue order, and counts every one", async () => {
    const read = await readInspectionQueue(use(), c.center.id, { now: t0, limit: 20 });
    // The unit received first leads the queue though its claim is the newest to time out.
    expect(read.waiting[0]?.itemId).toBe(newest);
    expect(read.waiting).toHaveLength(20);
    expect(read.waitingTotal).toBe(oldClaims + 1 + recent.length);
    // Received over 24 hours ago: the 1,050 and the newest; the five received an hour ago are not overdue.
    expect(read.overdueTotal).toBe(oldClaims + 1);
    expect(read.claimsTotal).toBe(20);
  });

  it("counts the timed-out claims from the claims' index: no plan reads the items but by their key", async () => {
    const db = use();
    const claimedBefore = new Date(ago(30));
    const receivedBefore = new Date(ago(24 * 60));
    expect((await countTimedOutClaims(db, c.center.id, claimedBefore))[0].n).toBe(oldClaims + 1 + recent.length);
    expect((await countTimedOutClaimsReceivedBefore(db, c.center.id, claimedBefore, receivedBefore))[0].n).toBe(oldClaims + 1);
    for (const mode of ["force_custom_plan", "force_generic_plan"] as const) {
      for (const query of [countTimedOutClaims(db, c.center.id, claimedBefore), countTimedOutClaimsReceivedBefore(db, c.center.id, claimedBefore, receivedBefore)]) {
        const nodes = await planOf(db, query.toSQL(), mode);
        const shown = planLine(nodes);
        expect(nodes.filter((n) => n["Node Type"].includes("Seq Scan")), shown).toEqual([]);
        expect(nodes.some((n) => n["Index Name"] === "inspections_center_status_idx"), shown).toBe(true);
        for (const n of nodes.filter((n) => n["Relation Name"] === "items")) expect(n["Index Name"], shown).toBe("items_pkey");
      }
    }
  });
});
