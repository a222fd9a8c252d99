import { readdir } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it, vi } from "vitest";
import { apiClients, checklists, inspectionPhotos, itemEvents, parcels, reasonCodes, users, type User } from "@/db/schema";
import type { LocalPhotoStore } from "@/lib/photos/local-photo-store";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { receiveUnexpectedUnit } from "@/lib/receiving/receive-unexpected-unit";
import { receiveUnit } from "@/lib/receiving/receive-unit";
import { describeEachDb } from "../helpers/databases";
import { uniq } from "../helpers/fixtures";
import { createAnnouncedOrder, ensureProduct } from "../helpers/receiving-fixtures";
import { post, serveRoutesFrom, session, staffOf, twice } from "../helpers/station-routes";
import { claimedItem, ctxOf, inspectionCenter, jpegBytes, tempPhotoStore } from "./inspection-fixtures";

/**
 * The real station routes (staffRoute + withScanId), called as Next calls them, with the signed-in
 * user given directly (the session cookie is Auth.js's business, tested in e2e) and the test's
 * database and photo store as the process's own. Each action sent twice with one scan id must
 * answer the same and take effect once.
 */
vi.mock("@/lib/auth/current-staff", async () => (await import("../helpers/station-routes")).currentStaffStandIn);

const sid = () => uniq("scan-");

describeEachDb("station routes answer a repeated scan id once", (use) => {
  let people: Awaited<ReturnType<typeof inspectionCenter>>;
  let store: LocalPhotoStore;
  let admin: User;
  const as = async (user: User) => {
    session.staff = await staffOf(use(), user);
  };

  beforeAll(async () => {
    const db = use();
    store = await tempPhotoStore();
    serveRoutesFrom(db, store);
    people = await inspectionCenter(db);
    [admin] = await db.insert(users).values({ centerId: people.center.id, role: "admin", name: uniq("Admin "), email: `${uniq("a")}@t.test` }).returning();
    await ensureProduct(db);
  });

  it("refuses a state-changing action without a scan id", async () => {
    const { POST } = await import("@/app/api/station/inspection/checklists/route");
    await as(people.manager);
    const answer = await post(POST, { category: "bags", points: [{ key: "strap", subject: "item", labelEn: "Strap", labelKo: "스트랩" }] });
    expect(answer.status).toBe(422);
    expect(answer.json.error.code).toBe("validation:scan_id");
  });

  it("create API client: one client, and the repeat does not hold the token", async () => {
    const { POST } = await import("@/app/api/station/admin/api-clients/route");
    await as(admin);
    const name = uniq("Client ");
    const { first, second } = await twice(POST, { scanId: sid(), name });
    expect(first.token).toMatch(/\S{20,}/);
    expect(second).toMatchObject({ id: first.id, token: null, secretsLost: true });
    expect(await use().select().from(apiClients).where(eq(apiClients.name, name))).toHaveLength(1);
  });

  it("revoke API client", async () => {
    const create = (await import("@/app/api/station/admin/api-clients/route")).POST;
    const { POST } = await import("@/app/api/station/admin/api-clients/[clientId]/revoke/route");
    await as(admin);
    const created = (await post(create, { scanId: sid(), name: uniq("C ") })).json;
    const { first, second } = await twice(POST, {}, { params: { clientId: created.id }, scanId: sid() });
    expect(second).toEqual(first);
  });

  it("save checklist: one new version", async () => {
    const { POST } = await import("@/app/api/station/inspection/checklists/route");
    await as(people.manager);
    const before = await use().select().from(checklists).where(and(eq(checklists.centerId, people.center.id), eq(checklists.category, "bags")));
    const body = { scanId: sid(), category: "bags", points: [{ key: "strap", subject: "item", labelEn: "Strap", labelKo: "스트랩" }] };
    const { first, second } = await twice(POST, body);
    expect(second).toEqual(first);
    const after = await use().select().from(checklists).where(and(eq(checklists.centerId, people.center.id), eq(checklists.category, "bags")));
    expect(after.length).toBe(before.length + 1);
  });

  it("set and remove a station's network printer", async () => {
    const set = (await import("@/app/api/station/printers/route")).POST;
    const remove = (await import("@/app/api/station/printers/remove/route")).POST;
    await as(people.manager);
    const station = `TAB-${uniq().toUpperCase().slice(0, 6)}`;
    const { first, second } = await twice(set, { scanId: sid(), station, host: "192.168.0.50", port: "9100", dotsPerMm: "8" });
    expect(second).toEqual(first);
    await twice(remove, { scanId: sid(), station });
    expect((await post(set, { station, host: "192.168.0.50" })).json.error.code).toBe("validation:scan_id");
  });

  it("save reason code and hide it", async () => {
    const save = (await import("@/app/api/station/inspection/reason-codes/route")).POST;
    const active = (await import("@/app/api/station/inspection/reason-codes/active/route")).POST;
    await as(people.manager);
    const code = `T_${uniq().toUpperCase()}`;
    await twice(save, { scanId: sid(), code, labelEn: "Test", labelKo: "시험", verdicts: ["fail_defect"] });
    await twice(active, { scanId: sid(), code, active: false });
    expect(await use().select().from(reasonCodes).where(and(eq(reasonCodes.centerId, people.center.id), eq(reasonCodes.code, code)))).toHaveLength(1);
  });

  it("release claim: released once, one event", async () => {
    const { POST } = await import("@/app/api/station/inspection/release/route");
    const { item } = await claimedItem(use(), ctxOf(people.inspector));
    await as(people.inspector);
    const { first, second } = await twice(POST, { scanId: sid(), itemId: item.id });
    expect(second).toEqual(first);
    const released = await use().select().from(itemEvents).where(and(eq(itemEvents.itemId, item.id), eq(itemEvents.action, "release_claim")));
    expect(released).toHaveLength(1);
  });

  it("save checklist results", async () => {
    const { POST } = await import("@/app/api/station/inspection/results/route");
    const { inspectionId } = await claimedItem(use(), ctxOf(people.inspector), { category: "sneakers" });
    const [checklist] = await use().select().from(checklists).where(and(eq(checklists.centerId, people.center.id), eq(checklists.category, "sneakers"), eq(checklists.active, true)));
    const key = checklist.points[0].key;
    await as(people.inspector);
    const { first, second } = await twice(POST, { scanId: sid(), inspectionId, results: [{ key, ok: true }] });
    expect(second).toEqual(first);
  });

  it("inspection photo upload: one photo row and one file", async () => {
    const { POST } = await import("@/app/api/station/inspection/photos/route");
    const { inspectionId } = await claimedItem(use(), ctxOf(people.inspector));
    await as(people.inspector);
    const form = () => {
      const f = new FormData();
      f.set("inspectionId", inspectionId);
      f.set("photo", new Blob([jpegBytes(256)], { type: "image/jpeg" }), "p.jpg");
      return f;
    };
    const { first, second } = await twice(POST, form, { scanId: sid() });
    expect(second.photo.id).toBe(first.photo.id);
    expect(await use().select().from(inspectionPhotos).where(eq(inspectionPhotos.inspectionId, inspectionId))).toHaveLength(1);
    expect(await readdir(path.join(store.dir, "inspections", inspectionId))).toHaveLength(1);
  });

  it("unmatched parcel: note, photo (one file), resolve — each once", async () => {
    const db = use();
    const operator = ctxOf(people.operator);
    const { result } = await scanParcel(db, operator, { scanId: sid(), trackingNumber: uniq("ZZ").toUpperCase() });
    const parcelId = result.parcel.id;
    const note = (await import("@/app/api/station/receiving/parcels/note/route")).POST;
    const photo = (await import("@/app/api/station/receiving/parcels/[parcelId]/photo/route")).POST;
    const resolve = (await import("@/app/api/station/receiving/parcels/resolve/route")).POST;
    await as(people.operator);
    await twice(note, { scanId: sid(), parcelId, note: "Brown box, no label" });
    const form = () => {
      const f = new FormData();
      f.set("photo", new Blob([jpegBytes(300)], { type: "image/jpeg" }), "p.jpg");
      return f;
    };
    const shot = await twice(photo, form, { params: { parcelId }, scanId: sid() });
    expect(shot.second.parcel.photoKey).toBe(shot.first.parcel.photoKey);
    expect(await readdir(path.join(store.dir, "parcels", parcelId))).toHaveLength(1);

    await as(people.manager);
    const { first, second } = await twice(resolve, { scanId: sid(), parcelId, note: "Back to sender" });
    expect(second).toEqual(first);
    const [row] = await db.select().from(parcels).where(eq(parcels.id, parcelId));
    expect(row.status).toBe("resolved");
  });

  it("return an unexpected unit: routed once", async () => {
    const db = use();
    const operator = ctxOf(people.operator);
    const { order } = await createAnnouncedOrder(db, people.center.id, { units: [{}] });
    const { result } = await scanParcel(db, operator, { scanId: sid(), trackingNumber: order.trackingNumber! });
    const extra = await receiveUnexpectedUnit(db, operator, { scanId: sid(), parcelId: result.parcel.id, productName: "Extra", size: "270", note: "Not announced" });
    const { POST } = await import("@/app/api/station/receiving/units/return/route");
    await as(people.manager);
    // The announced seller has no address: the manager gives it with the return.
    const { first, second } = await twice(POST, { scanId: sid(), itemId: extra.result.unit.itemId, note: "Return it", address: "12 Teheran-ro, Seoul" });
    expect(second).toEqual(first);
    const routed = await db.select().from(itemEvents).where(and(eq(itemEvents.itemId, extra.result.unit.itemId), eq(itemEvents.action, "route_return")));
    expect(routed).toHaveLength(1);
    const given = await db.select().from(itemEvents).where(and(eq(itemEvents.itemId, extra.result.unit.itemId), eq(itemEvents.action, "seller_address_given")));
    expect(given).toHaveLength(1);
  });

  it("close parcel: the missing units are recorded once", async () => {
    const db = use();
    const operator = ctxOf(people.operator);
    const { order, items: units } = await createAnnouncedOrder(db, people.center.id, { units: [{}, {}] });
    const { result } = await scanParcel(db, operator, { scanId: sid(), trackingNumber: order.trackingNumber! });
    await receiveUnit(db, operator, { scanId: sid(), parcelId: result.parcel.id, itemId: units[0].id });
    const { POST } = await import("@/app/api/station/receiving/parcels/close/route");
    await as(people.operator);
    const scanId = sid();
    const eventsOfMissing = async () => (await db.select().from(itemEvents).where(eq(itemEvents.itemId, units[1].id))).length;
    const before = await eventsOfMissing();
    const first = await post(POST, { scanId, parcelId: result.parcel.id });
    const afterFirst = await eventsOfMissing();
    const second = await post(POST, { scanId, parcelId: result.parcel.id });
    expect(first.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(second.repeated).toBe("true");
    expect(first.json.missing).toHaveLength(1);
    expect(afterFirst).toBeGreaterThan(before);
    expect(await eventsOfMissing()).toBe(afterFirst);
  });

  it("receiving asks before it records a number no order expects", async () => {
    const { POST } = await import("@/app/api/station/receiving/scan/route");
    await as(people.operator);
    const tracking = uniq("QQ").toUpperCase();
    const asked = await post(POST, { scanId: sid(), code: tracking });
    expect(asked.json).toEqual({ kind: "unknown", trackingNumber: tracking });
    expect(await use().select().from(parcels).where(and(eq(parcels.centerId, people.center.id), eq(parcels.trackingNumber, tracking)))).toHaveLength(0);
    const confirm = { scanId: sid(), code: tracking, confirmUnmatched: true };
    const first = (await post(POST, confirm)).json;
    const second = (await post(POST, confirm)).json;
    expect(first).toMatchObject({ kind: "parcel", outcome: "unmatched", repeated: false });
    expect(second).toMatchObject({ kind: "parcel", outcome: "unmatched", repeated: true, parcel: { id: first.parcel.id } });
    // Scanned again later, the parcel is known: no question.
    expect((await post(POST, { scanId: sid(), code: tracking })).json).toMatchObject({ kind: "parcel", outcome: "already_scanned" });
  });

  it("answers a refusal the same way on a repeat", async () => {
    const { POST } = await import("@/app/api/station/inspection/release/route");
    const { item } = await claimedItem(use(), ctxOf(people.inspector));
    await as(people.inspector2);
    const scanId = sid();
    const first = await post(POST, { scanId, itemId: item.id });
    const second = await post(POST, { scanId, itemId: item.id });
    expect(first.status).toBe(403);
    expect(second).toEqual(first);
    expect(second.json.error.params).toMatchObject({ item: item.code });
  });

});
