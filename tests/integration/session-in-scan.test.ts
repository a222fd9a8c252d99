import { eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it, vi } from "vitest";
import { inspections, itemEvents, items, outboxEvents, scanRequests, users, type User } from "@/db/schema";
import { bumpSessionVersion } from "@/lib/auth/session-version";
import { generateItemCode } from "@/lib/scan-codes/item-code";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, uniq } from "../helpers/fixtures";
import { post, serveRoutesFrom, session, staffOf } from "../helpers/station-routes";
import { claimedItem, ctxOf, inspectionCenter, tempPhotoStore } from "./inspection-fixtures";

vi.mock("@/lib/auth/current-staff", async () => (await import("../helpers/station-routes")).currentStaffStandIn);

const sid = () => uniq("scan-");
const claimRoute = async () => (await import("@/app/api/station/inspection/claim/route")).POST;

/**
 * A station write's session is confirmed in its own scan transaction (lib/auth/session-check.ts):
 * the scan id is claimed only if the users row still holds what the session token says. The
 * station keeps sending the cookie it signed in with; whatever ended that session in between is
 * refused on the next scan with 401, and nothing of the scan is written, not even its scan id.
 */
describeEachDb("a station write's session, checked in its scan transaction", (use) => {
  let people: Awaited<ReturnType<typeof inspectionCenter>>;

  beforeAll(async () => {
    const db = use();
    serveRoutesFrom(db, await tempPhotoStore());
    people = await inspectionCenter(db);
  });

  /** A fresh inspector signed in at the station, as their session cookie says at this moment. */
  const signedInInspector = async () => {
    const db = use();
    const [inspector] = await db
      .insert(users)
      .values({ centerId: people.center.id, role: "inspector", name: uniq("Han ") })
      .returning();
    session.staff = await staffOf(db, inspector);
    return inspector;
  };
  const receivedItem = async () => (await createOrderWithItems(use(), people.center.id, ["received"]))[0];

  /** Nothing of the scan stayed: no scan id row, the item untouched, no event, no inspection. */
  const expectNothingWritten = async (scanId: string, itemId: string) => {
    const db = use();
    expect(await db.select().from(scanRequests).where(eq(scanRequests.scanId, scanId))).toEqual([]);
    const [item] = await db.select({ state: items.state }).from(items).where(eq(items.id, itemId));
    expect(item.state).toBe("received");
    expect(await db.select().from(itemEvents).where(eq(itemEvents.itemId, itemId))).toEqual([]);
    expect(await db.select().from(inspections).where(eq(inspections.itemId, itemId))).toEqual([]);
  };

  const expectSignIn = (answer: { status: number; json: { error?: { code: string; message: string } } }) => {
    expect(answer.status, JSON.stringify(answer.json)).toBe(401);
    expect(answer.json.error).toMatchObject({ code: "unauthorized", message: "Sign in first." });
  };

  it("a session ended between two scans of one station: the second is refused, nothing written, and its repeat is not answered", async () => {
    const claim = await claimRoute();
    const inspector = await signedInInspector();
    const [first, second] = [await receivedItem(), await receivedItem()];
    const firstScan = sid();
    expect((await post(claim, { scanId: firstScan, itemCode: first.code })).status).toBe(200);

    await bumpSessionVersion(use(), inspector.id); // signed out on another device
    const secondScan = sid();
    const events = (await use().select().from(outboxEvents)).length;
    expectSignIn(await post(claim, { scanId: secondScan, itemCode: second.code }));
    await expectNothingWritten(secondScan, second.id);
    expect((await use().select().from(outboxEvents)).length).toBe(events);

    // A retry of the first scan is not answered from its stored answer either.
    expectSignIn(await post(claim, { scanId: firstScan, itemCode: first.code }));
    // The refusal comes before the input's: a body the route would refuse with 422.
    expectSignIn(await post(claim, { scanId: sid(), itemId: "not-a-uuid" }));
  });

  it("a deactivation, a role change or a move to another center is refused at once, even with the session version unchanged", async () => {
    const claim = await claimRoute();
    const other = await createCenter(use());
    const changes: Partial<User>[] = [{ active: false }, { role: "operator" }, { role: "manager" }, { centerId: other.id }];
    for (const change of changes) {
      const inspector = await signedInInspector();
      await use().update(users).set(change).where(eq(users.id, inspector.id));
      const item = await receivedItem();
      const scanId = sid();
      expectSignIn(await post(claim, { scanId, itemCode: item.code }));
      await expectNothingWritten(scanId, item.id);
    }
  });

  it("a scan route of the wrapper (release) and a station answer with no transaction (a label lookup) are refused alike", async () => {
    const release = (await import("@/app/api/station/inspection/release/route")).POST;
    const receivingScan = (await import("@/app/api/station/receiving/scan/route")).POST;
    const inspector = await signedInInspector();
    const { item } = await claimedItem(use(), ctxOf(inspector));
    await bumpSessionVersion(use(), inspector.id);
    const scanId = sid();
    expectSignIn(await post(release, { scanId, itemId: item.id }));
    expect(await use().select().from(scanRequests).where(eq(scanRequests.scanId, scanId))).toEqual([]);
    const [still] = await use().select({ state: items.state }).from(items).where(eq(items.id, item.id));
    expect(still.state).toBe("in_inspection");

    const [operator] = await use()
      .insert(users)
      .values({ centerId: people.center.id, role: "operator", name: uniq("Seo ") })
      .returning();
    session.staff = await staffOf(use(), operator);
    // A label with a valid check character, as the label printer makes them.
    const code = generateItemCode();
    await use().update(items).set({ code }).where(eq(items.id, item.id));
    const label = { scanId: sid(), code };
    expect((await post(receivingScan, label)).json).toMatchObject({ kind: "unit" });
    await bumpSessionVersion(use(), operator.id);
    expectSignIn(await post(receivingScan, { ...label, scanId: sid() }));
  });

  it("no session is 401 and a role the route does not take is 403, before the body is read; a live session's write goes through", async () => {
    const claim = await claimRoute();
    session.staff = null;
    expectSignIn(await post(claim, { scanId: sid(), itemId: "not-a-uuid" }));
    const receive = (await import("@/app/api/station/receiving/units/receive/route")).POST;
    await signedInInspector();
    const refused = await post(receive, { scanId: sid(), parcelId: "x" });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("forbidden:role");

    const item = await receivedItem();
    const scanId = sid();
    const answer = await post(claim, { scanId, itemCode: item.code });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    const rows = await use().select({ userId: scanRequests.userId }).from(scanRequests).where(inArray(scanRequests.scanId, [scanId]));
    expect(rows).toEqual([{ userId: session.staff!.user.id }]);
  });
});
