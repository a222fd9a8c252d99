import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { itemEvents, items } from "@/db/schema";
import type { DbHandle } from "@/db/open-db";
import { checkInvariants, formatInvariantReport } from "@/lib/invariants/check-invariants";
import { scanIdHeader } from "@/lib/scans/with-scan-id";
import { apiCall, signIn, stationPost, type HttpAnswer, type Station } from "@/scripts/bench/http-client";
import { startNextServer, type NextServer } from "@/scripts/next-server";
import { createOrderWithItems, createUser, uniq } from "../helpers/fixtures";
import { storageOrder } from "../integration/api-helpers";
import { binOf, storedItem } from "../integration/dispatch-fixtures";
import { claimedItem, ctxOf, jpegBytes } from "../integration/inspection-fixtures";
import { makeZone } from "../integration/storage-fixtures";
import { floorWorld } from "./floor-world";
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
  let floor: Awaited<ReturnType<typeof floorWorld>>;
  const photoDir = mkdtempSync(path.join(os.tmpdir(), "legit-shared-photos-"));
  beforeAll(async () => {
    db = await freshPostgres();
    world = await buildWorld(db.db);
    // Photos where every instance reads them (a shared PHOTO_DIR; S3 in production).
    const env = { PHOTO_DIR: photoDir };
    [one, two] = await Promise.all([startNextServer(db.url, { env }), startNextServer(db.url, { env })]);
    const a = await signInAll(one.base, world.a);
    // A second inspector and operator of center A, signed in through the other instance.
    const badge = (n: number) => `EMP-${Date.now() % 1e9}${n}`;
    const { hashSecret } = await import("@/lib/auth/password-hash");
    const pinHash = await hashSecret("482193");
    const inspector2 = await createUser(db.db, world.a.center.id, "inspector", { badgeCode: badge(1), pinHash });
    const operator2 = await createUser(db.db, world.a.center.id, "operator", { badgeCode: badge(2), pinHash });
    inspectors = [a.inspector, await signIn(two.base, "badge", { badge: inspector2.badgeCode!, pin: "482193" }, "TAB-2")];
    operators = [a.operator, await signIn(two.base, "badge", { badge: operator2.badgeCode!, pin: "482193" }, "RECV-2")];
    floor = await floorWorld(db.db, one.base, two.base);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    rmSync(photoDir, { recursive: true, force: true });
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
  /** The same station request sent through both instances at once, one station each. */
  const bothStations = (stations: readonly [Station, Station], path: string, body: () => object) =>
    Promise.all([one, two].map((server, i) => stationPost(server.base, stations[i], path, { scanId: randomUUID(), ...body() })));
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

  it("a buyer's accept and refuse of one disclosed defect, through two instances at once", async () => {
    for (let round = 0; round < rounds; round++) {
      const { item } = await floor.verdict("pass_minor_defect", 150_000);
      const answers = await Promise.all(
        (["accept", "refuse"] as const).map((decision, i) => apiCall([one, two][i].base, floor.token, "POST", `/api/v1/items/${item.id}/buyer-decision`, { decision })),
      );
      oneWinner(answers, `round ${round}`);
      expect((await transitions(item.id, "route_trade")) + (await transitions(item.id, "route_return")), `round ${round}`).toBe(1);
    }
  });

  it("two reviewers confirming one held verdict through two instances: one review counts", async () => {
    for (let round = 0; round < rounds; round++) {
      const { item, inspectionId } = await floor.verdict("pass", 2_500_000); // above the four-eyes price
      const answers = await bothStations(floor.reviewers, "/api/station/inspection/review", () => ({ inspectionId, decision: "confirm" }));
      oneWinner(answers, `round ${round}`);
      expect(await transitions(item.id, "review")).toBe(1);
      const [now] = await db.db.select().from(items).where(eq(items.id, item.id));
      expect(now.state).toBe("awaiting_pack");
    }
  });

  it("two operators putting two items into a bin's last slot through two instances: one fits, the bin holds its capacity", async () => {
    for (let round = 0; round < rounds; round++) {
      const [last] = await makeZone(db.db, floor.w.mgr, { sizeClass: "S", capacity: 1, count: 1 });
      const units = await createOrderWithItems(db.db, floor.w.center.id, ["awaiting_putaway", "awaiting_putaway"], { type: "storage" });
      const answers = await Promise.all(
        [one, two].map((server, i) => stationPost(server.base, floor.operators[i], "/api/station/storage/putaway", { scanId: randomUUID(), itemCode: units[i].code, binCode: last.code })),
      );
      oneWinner(answers, `round ${round}`);
      expect((await binOf(db.db, last.id)).occupied).toBe(1);
      expect((await transitions(units[0].id, "putaway")) + (await transitions(units[1].id, "putaway"))).toBe(1);
    }
  });

  it("one item scanned on its pick list from two tablets through two instances: picked once, its bin emptied once", async () => {
    for (let round = 0; round < rounds; round++) {
      const bin = floor.w.bins[round % floor.w.bins.length];
      const item = await storedItem(db.db, bin);
      const sale = await apiCall(one.base, floor.token, "POST", `/api/v1/items/${item.id}/sale`, { buyer: { id: "B-2", name: "Kim", address: "Busan" } });
      expect(sale.status, sale.body.slice(0, 200)).toBe(200);
      const pickListId = await floor.atItemScan(item);
      const occupied = (await binOf(db.db, bin.id)).occupied;
      const picker = floor.operators[0]; // the list's picker, on two tablets
      const answers = await bothStations([picker, picker], "/api/station/dispatch/pick-lists/scan", () => ({ pickListId, code: item.code }));
      oneWinner(answers, `round ${round}`);
      expect(await transitions(item.id, "pick")).toBe(1);
      expect((await binOf(db.db, bin.id)).occupied).toBe(occupied - 1);
    }
  });

  it("one item packed at two tables through two instances: one parcel", async () => {
    for (let round = 0; round < rounds; round++) {
      const item = await floor.readyToPack();
      const answers = await bothStations(floor.operators, "/api/station/dispatch/pack/item", () => ({ itemId: item.id, carrier: "CJ" }));
      oneWinner(answers, `round ${round}`);
      expect(await transitions(item.id, "pack")).toBe(1);
    }
  });

  it("one manifest closed from two stations through two instances: its items dispatched once", async () => {
    for (let round = 0; round < rounds; round++) {
      const item = await floor.readyToPack();
      const trackingNumber = await floor.packed(item);
      const opened = await stationPost(one.base, floor.operators[0], "/api/station/dispatch/manifests/open", { scanId: randomUUID(), carrier: "CJ" });
      const manifestId = (JSON.parse(opened.body) as { id: string }).id;
      const added = await stationPost(two.base, floor.operators[1], "/api/station/dispatch/manifests/add", { scanId: randomUUID(), manifestId, trackingNumber });
      expect(added.status, added.body.slice(0, 200)).toBe(200);
      const answers = await bothStations(floor.operators, "/api/station/dispatch/manifests/close", () => ({ manifestId }));
      oneWinner(answers, `round ${round}`);
      expect(await transitions(item.id, "dispatch")).toBe(1);
    }
  });

  it("a photo uploaded through one instance is served by the other", async () => {
    const user = { id: world.a.people.inspector.id, centerId: world.a.center.id, role: "inspector" } as Parameters<typeof ctxOf>[0];
    const { inspectionId } = await claimedItem(db.db, ctxOf(user));
    const bytes = jpegBytes(512);
    const form = new FormData();
    form.set("inspectionId", inspectionId);
    form.set("photo", new Blob([bytes], { type: "image/jpeg" }), "evidence.jpg");
    const upload = await fetch(`${one.base}/api/station/inspection/photos`, {
      method: "POST",
      body: form,
      headers: { cookie: inspectors[0].cookie, [scanIdHeader]: randomUUID() },
    });
    const uploaded = await upload.text();
    expect(upload.status, uploaded.slice(0, 200)).toBe(200);
    const { photo } = JSON.parse(uploaded) as { photo: { id: string } };
    const served = await fetch(`${two.base}/api/station/inspection/photos/${photo.id}`, { headers: { cookie: inspectors[0].cookie } });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });
});
