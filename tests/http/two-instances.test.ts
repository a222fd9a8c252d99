import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { itemEvents, items } from "@/db/schema";
import type { DbHandle } from "@/db/open-db";
import { checkInvariants, formatInvariantReport } from "@/lib/invariants/check-invariants";
import { apiCall, signIn, stationPost, type HttpAnswer, type Station } from "@/scripts/bench/http-client";
import { startNextServer, type NextServer } from "@/scripts/next-server";
import { createOrderWithItems, createUser, uniq } from "../helpers/fixtures";
import { storageOrder } from "../integration/api-helpers";
import { claimedItem, ctxOf } from "../integration/inspection-fixtures";
import { freshPostgres, hasBuild } from "./next-server";
import { buildWorld, signInAll } from "./world";

/**
 * Two instances of `next start` on one PostgreSQL, as behind a load balancer: the two sides of each
 * race go to different instances at the same moment, five rounds each. Exactly one wins, the other
 * is refused in the error shape, and the item moved once.
 */
const ready = Boolean(inject("pgServerUrl")) && hasBuild();
const rounds = 5;

describe.skipIf(!ready)("two instances on one database [postgres, next start ×2]", () => {
  let db: DbHandle & { url: string };
  let one: NextServer;
  let two: NextServer;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let inspectors: [Station, Station];
  let operators: [Station, Station];
  beforeAll(async () => {
    db = await freshPostgres();
    world = await buildWorld(db.db);
    [one, two] = await Promise.all([startNextServer(db.url), startNextServer(db.url)]);
    const a = await signInAll(one.base, world.a);
    // A second inspector and operator of center A, signed in through the other instance.
    const badge = (n: number) => `EMP-${Date.now() % 1e9}${n}`;
    const { hashSecret } = await import("@/lib/auth/password-hash");
    const pinHash = await hashSecret("482193");
    const inspector2 = await createUser(db.db, world.a.center.id, "inspector", { badgeCode: badge(1), pinHash });
    const operator2 = await createUser(db.db, world.a.center.id, "operator", { badgeCode: badge(2), pinHash });
    inspectors = [a.inspector, await signIn(two.base, "badge", { badge: inspector2.badgeCode!, pin: "482193" }, "TAB-2")];
    operators = [a.operator, await signIn(two.base, "badge", { badge: operator2.badgeCode!, pin: "482193" }, "RECV-2")];
  }, 180_000);
  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    if (db) {
      const report = await checkInvariants(db.db);
      await db.close();
      expect(report.breaches, formatInvariantReport(report)).toEqual([]);
    }
  }, 60_000);

  /** Both answers: exactly one 2xx, the other a refusal in the error shape. */
  function oneWinner([x, y]: HttpAnswer[], what: string): number {
    const won = [x, y].filter((a) => a.status < 300);
    expect(won, `${what}: ${x.status} ${x.body.slice(0, 150)} | ${y.status} ${y.body.slice(0, 150)}`).toHaveLength(1);
    const lost = [x, y].find((a) => a.status >= 300)!;
    expect(lost.status, what).toBeGreaterThanOrEqual(400);
    expect(lost.status, what).toBeLessThan(500);
    expect(JSON.parse(lost.body).error.code, what).toMatch(/^conflict/);
    return x.status < 300 ? 0 : 1;
  }
  const transitions = async (itemId: string, action: string) =>
    (await db.db.select().from(itemEvents).where(eq(itemEvents.itemId, itemId))).filter((e) => e.action === action).length;

  it("a sale and a withdrawal of one stored item, from two instances at once", async () => {
    for (let round = 0; round < rounds; round++) {
      const [item] = await createOrderWithItems(db.db, world.a.center.id, ["stored"], { type: "storage" });
      const answers = await Promise.all([
        apiCall(one.base, world.a.token, "POST", `/api/v1/items/${item.id}/sale`, { buyer: { id: "B-1", name: "Lee", address: "Seoul" } }),
        apiCall(two.base, world.a.token, "POST", `/api/v1/items/${item.id}/withdrawal`, {}),
      ]);
      oneWinner(answers, `round ${round}`);
      const [now] = await db.db.select().from(items).where(eq(items.id, item.id));
      expect(now.state).toBe("awaiting_pick");
      expect((await transitions(item.id, "sell")) + (await transitions(item.id, "withdraw"))).toBe(1);
    }
  });

  it("two inspectors claiming one unit through two instances", async () => {
    for (let round = 0; round < rounds; round++) {
      const [item] = await createOrderWithItems(db.db, world.a.center.id, ["received"]);
      const answers = await Promise.all(
        [one, two].map((server, i) => stationPost(server.base, inspectors[i], "/api/station/inspection/claim", { scanId: randomUUID(), itemCode: item.code })),
      );
      oneWinner(answers, `round ${round}`);
      expect(await transitions(item.id, "claim")).toBe(1);
    }
  });

  it("one inspector's verdict sent from two tablets through two instances", async () => {
    const user = { id: world.a.people.inspector.id, centerId: world.a.center.id, role: "inspector" } as Parameters<typeof ctxOf>[0];
    for (let round = 0; round < rounds; round++) {
      const { item, inspectionId } = await claimedItem(db.db, ctxOf(user));
      const answers = await Promise.all(
        [one, two].map((server) => stationPost(server.base, inspectors[0], "/api/station/inspection/verdict", { scanId: randomUUID(), inspectionId, verdict: "pass" })),
      );
      oneWinner(answers, `round ${round}`);
      expect(await transitions(item.id, "pass")).toBe(1);
    }
  });

  it("two receiving stations receiving one unit through two instances", async () => {
    for (let round = 0; round < rounds; round++) {
      const trackingNumber = uniq("CJ").toUpperCase();
      const [item] = await createOrderWithItems(db.db, world.a.center.id, ["expected"], { trackingNumber });
      const scan = await stationPost(one.base, operators[0], "/api/station/receiving/scan", { scanId: randomUUID(), code: trackingNumber });
      expect(scan.status, scan.body.slice(0, 200)).toBe(200);
      const parcelId = (JSON.parse(scan.body) as { parcel: { id: string } }).parcel.id;
      const answers = await Promise.all(
        [one, two].map((server, i) => stationPost(server.base, operators[i], "/api/station/receiving/units/receive", { scanId: randomUUID(), parcelId, itemId: item.id })),
      );
      oneWinner(answers, `round ${round}`);
      expect(await transitions(item.id, "receive")).toBe(1);
    }
  });

  it("one announce sent to both instances at once makes one order; the other answer is its replay", async () => {
    for (let round = 0; round < rounds; round++) {
      const order = storageOrder(world.a.center.code);
      const answers = await Promise.all([one, two].map((server) => apiCall(server.base, world.a.token, "POST", "/api/v1/inbound-orders", order)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
      expect(JSON.parse(answers[0].body)).toEqual(JSON.parse(answers[1].body));
    }
  });
});
