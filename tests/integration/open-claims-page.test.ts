import { expect, it } from "vitest";
import { inspections } from "@/db/schema";
import { countOpenClaims, listOpenClaims } from "@/lib/inspection/claims";
import { readOpenClaimsPage } from "@/lib/inspection/open-claims-page";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, createUser } from "../helpers/fixtures";

describeEachDb("open claims, a page at a time", (use) => {
  it("lists the oldest claims, the viewer's own wherever they fall, and counts every open one", async () => {
    const db = use();
    const center = await createCenter(db);
    const other = await createCenter(db);
    const [kim, park, lee] = await Promise.all(["Kim", "Park", "Lee"].map((name) => createUser(db, center.id, "inspector", { name })));
    const claimed = await createOrderWithItems(db, center.id, Array.from({ length: 9 }, () => "in_inspection" as const));
    const [done] = await createOrderWithItems(db, center.id, ["passed"]);
    const [elsewhere] = await createOrderWithItems(db, other.id, ["in_inspection"]);
    const base = Date.UTC(2031, 6, 1, 9);
    // Nine open claims a minute apart: Kim the six oldest, Park the next two, Lee the newest.
    const holders = [kim, kim, kim, kim, kim, kim, park, park, lee];
    await db.insert(inspections).values([
      ...claimed.map((item, i) => ({ itemId: item.id, centerId: center.id, inspectorId: holders[i].id, status: "open" as const, claimedAt: new Date(base + i * 60_000) })),
      // Not open, or another center's: never listed nor counted.
      { itemId: done.id, centerId: center.id, inspectorId: lee.id, status: "done" as const, verdict: "pass" as const, claimedAt: new Date(base - 60_000), submittedAt: new Date(base), durationMs: 60_000 },
      { itemId: elsewhere.id, centerId: other.id, inspectorId: lee.id, status: "open" as const, claimedAt: new Date(base - 120_000) },
    ]);
    const codes = (rows: { itemId: string }[]) => rows.map((r) => claimed.findIndex((c) => c.id === r.itemId));

    const page = await readOpenClaimsPage(db, center.id, { viewerId: lee.id, limit: 3 });
    expect(page.total).toBe(9);
    expect(codes(page.claims)).toEqual([0, 1, 2, 8]);
    expect(page.claims.at(-1)).toMatchObject({ inspectorId: lee.id, inspectorName: "Lee" });
    // A viewer with more claims than a page sees their oldest `limit`.
    expect(codes((await readOpenClaimsPage(db, center.id, { viewerId: park.id, limit: 1 })).claims)).toEqual([0, 6]);
    // The viewer's own claims already on the page are not listed twice.
    expect(codes((await readOpenClaimsPage(db, center.id, { viewerId: kim.id, limit: 3 })).claims)).toEqual([0, 1, 2]);
    expect(codes((await readOpenClaimsPage(db, center.id, { limit: 50 })).claims)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // The page is the unbounded list's head; the count is its length.
    expect((await readOpenClaimsPage(db, center.id, { limit: 4 })).claims).toEqual((await listOpenClaims(db, center.id)).slice(0, 4));
    expect(await countOpenClaims(db, center.id)).toBe((await listOpenClaims(db, center.id)).length);
    expect(await countOpenClaims(db, other.id)).toBe(1);
  });
});
