import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { apiClients, centers, users } from "@/db/schema";
import { listAdminEvents } from "@/lib/admin/admin-events";
import { changeApiClientWebhook } from "@/lib/admin/api-client-admin";
import { createApiClient, setApiClientWebhook } from "@/lib/api/api-clients";
import { readCenterSettings, updateCenterSettings } from "@/lib/admin/center-settings";
import { createStaff, resetCredential, updateStaff } from "@/lib/admin/staff";
import { verifyBadgeLogin, verifyPasswordLogin } from "@/lib/auth/verify-login";
import { loadCenterSettings } from "@/lib/inspection/inspection-settings";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createUser, uniq } from "../helpers/fixtures";
import { ctxOf } from "./inspection-fixtures";

const badge = () => `EMP-${Math.floor(Math.random() * 1e9)}`;

describeEachDb("desk administration", (use) => {
  let center: Awaited<ReturnType<typeof createCenter>>;
  let manager: Awaited<ReturnType<typeof createUser>>;
  let admin: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    const db = use();
    center = await createCenter(db);
    manager = await createUser(db, center.id, "manager");
    admin = await createUser(db, center.id, "admin");
  });

  it("a manager creates floor staff who can sign in with badge and PIN, and every change is logged", async () => {
    const db = use();
    const code = badge();
    const created = await createStaff(db, ctxOf(manager), { name: "신입 검수자", role: "inspector", badgeCode: code.toLowerCase(), pin: "4321" });
    expect(created).toMatchObject({ role: "inspector", centerId: center.id, badgeCode: code, active: true });
    expect((await verifyBadgeLogin(db, { badge: code, pin: "4321" })).id).toBe(created.id);
    const version = async () => (await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, created.id)))[0].v;
    const v0 = await version();

    await updateStaff(db, ctxOf(manager), created.id, { role: "senior_inspector" });
    expect(await version()).toBe(v0 + 1);
    await updateStaff(db, ctxOf(manager), created.id, { name: "신입 검수자 (B조)" });
    expect(await version()).toBe(v0 + 1);
    await resetCredential(db, ctxOf(manager), created.id, { pin: "98765" });
    expect(await version()).toBe(v0 + 2);
    await expect(verifyBadgeLogin(db, { badge: code, pin: "4321" })).rejects.toMatchObject({ code: "unauthorized:credentials" });
    expect((await verifyBadgeLogin(db, { badge: code, pin: "98765" })).role).toBe("senior_inspector");
    await updateStaff(db, ctxOf(manager), created.id, { active: false });
    expect(await version()).toBe(v0 + 3);
    await expect(verifyBadgeLogin(db, { badge: code, pin: "98765" })).rejects.toMatchObject({ code: "unauthorized:credentials" });

    const log = (await listAdminEvents(db, center.id)).filter((e) => e.targetId === created.id);
    expect(log.map((e) => e.action)).toEqual(["staff_deactivated", "pin_reset", "staff_changed", "staff_changed", "staff_created"]);
    expect(log[3].details).toEqual({ role: { from: "inspector", to: "senior_inspector" } });
    expect(log.every((e) => e.actorName === manager.name)).toBe(true);
    expect(JSON.stringify(log)).not.toContain("98765");
  });

  it("an admin creates a manager who signs in with e-mail and password", async () => {
    const db = use();
    const email = `${uniq("m")}@legit.test`;
    const created = await createStaff(db, ctxOf(admin), { name: "New Manager", role: "manager", email, password: "long-enough-pw" });
    expect((await verifyPasswordLogin(db, { email, password: "long-enough-pw" })).id).toBe(created.id);
  });

  it("refuses what a manager may not do, duplicates and missing credentials, changing nothing", async () => {
    const db = use();
    const other = await createCenter(db);
    const operator = await createUser(db, center.id, "operator");
    const before = await db.select().from(users);
    await expect(createStaff(db, ctxOf(manager), { name: "x", role: "manager", email: `${uniq()}@x.test`, password: "long-enough-pw" })).rejects.toMatchObject({
      code: "forbidden:staff_role",
    });
    await expect(createStaff(db, ctxOf(manager), { name: "x", role: "operator", centerId: other.id, badgeCode: badge(), pin: "1234" })).rejects.toMatchObject({
      code: "forbidden:center",
    });
    await expect(createStaff(db, ctxOf(manager), { name: "x", role: "operator", badgeCode: badge() })).rejects.toMatchObject({ code: "validation" });
    const taken = badge();
    await createStaff(db, ctxOf(manager), { name: "first", role: "operator", badgeCode: taken, pin: "1234" });
    await expect(createStaff(db, ctxOf(manager), { name: "second", role: "operator", badgeCode: taken, pin: "1234" })).rejects.toMatchObject({
      code: "conflict:badge_taken",
    });
    await expect(updateStaff(db, ctxOf(manager), manager.id, { active: false })).rejects.toMatchObject({ code: "forbidden:staff_role" });
    await expect(updateStaff(db, ctxOf(admin), admin.id, { active: false })).rejects.toMatchObject({ code: "conflict:own_account" });
    await expect(resetCredential(db, ctxOf(operator), manager.id, { password: "long-enough-pw" })).rejects.toMatchObject({ code: "forbidden:role" });
    expect((await db.select().from(users)).length).toBe(before.length + 1);
  });

  it("an admin changes settings: validated, applied where they are read, logged with before and after", async () => {
    const db = use();
    const current = await readCenterSettings(db, center.id);
    expect(current).toMatchObject({ timezone: "Asia/Seoul", currency: "KRW", fourEyesPrice: 1_000_000, heldForBuyerHours: 72 });
    await expect(updateCenterSettings(db, ctxOf(manager), center.id, current)).rejects.toMatchObject({ code: "forbidden:role" });
    for (const bad of [
      { ...current, fourEyesPrice: -5 },
      { ...current, timezone: "Mars/Olympus" },
      { ...current, penaltyRates: { ...current.penaltyRates, fail_used: 1.5 } },
      { ...current, claimTimeoutMinutes: "thirty" },
      { ...current, unknownKey: 1 },
    ]) {
      await expect(updateCenterSettings(db, ctxOf(admin), center.id, bad)).rejects.toMatchObject({ code: "validation:settings" });
    }
    const [unchanged] = await db.select().from(centers).where(eq(centers.id, center.id));
    expect(unchanged.settings).toEqual(center.settings);

    await updateCenterSettings(db, ctxOf(admin), center.id, { ...current, fourEyesPrice: 50_000, timezone: "Europe/Berlin" });
    expect((await loadCenterSettings(db, center.id)).fourEyesPrice).toBe(50_000);
    expect((await readCenterSettings(db, center.id)).timezone).toBe("Europe/Berlin");
    const [entry] = await listAdminEvents(db, center.id, { limit: 1 });
    expect(entry).toMatchObject({ action: "center_settings_changed", actorName: admin.name });
    expect(entry.details).toEqual({
      changed: { timezone: { from: "Asia/Seoul", to: "Europe/Berlin" }, fourEyesPrice: { from: 1_000_000, to: 50_000 } },
    });
  });

  it("an admin changes a webhook and its audit row in one transaction: both or neither", async () => {
    const db = use();
    const { client } = await createApiClient(db, { name: `Hooks ${uniq()}`, centerIds: [center.id] });
    await expect(changeApiClientWebhook(db, ctxOf(manager), client.id, "https://market.example/a")).rejects.toMatchObject({ code: "forbidden:role" });
    await changeApiClientWebhook(db, ctxOf(admin), client.id, "https://market.example/a");
    const [entry] = await listAdminEvents(db, center.id, { limit: 1 });
    expect(entry).toMatchObject({ action: "api_client_webhook_changed", targetId: client.id, actorName: admin.name });
    expect(entry.details).toMatchObject({ webhookUrl: { from: null, to: "https://market.example/a" } });

    // A failure after the change, inside its transaction (where the audit row is written), undoes the change.
    await expect(
      setApiClientWebhook(db, ctxOf(admin), client.id, "https://market.example/b", async () => {
        throw new Error("audit write failed");
      }),
    ).rejects.toThrow("audit write failed");
    const [row] = await db.select().from(apiClients).where(eq(apiClients.id, client.id));
    expect(row.webhookUrl).toBe("https://market.example/a");
    expect((await listAdminEvents(db, center.id, { limit: 1 }))[0].id).toBe(entry.id);
  });
});
