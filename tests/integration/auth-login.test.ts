import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { users } from "@/db/schema";
import { hashSecret } from "@/lib/auth/password-hash";
import { maxFailedAttempts, verifyBadgeLogin, verifyPasswordLogin } from "@/lib/auth/verify-login";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createUser, uniq } from "../helpers/fixtures";

describeEachDb("staff sign-in", (use) => {
  let centerId: string;
  beforeAll(async () => {
    centerId = (await createCenter(use())).id;
  });

  it("accepts the right password and refuses a wrong one or an unknown e-mail alike", async () => {
    const email = `${uniq("m")}@legit.test`;
    await createUser(use(), centerId, "manager", { email, passwordHash: await hashSecret("correct horse") });
    await expect(verifyPasswordLogin(use(), { email, password: "correct horse" })).resolves.toMatchObject({ email });
    await expect(verifyPasswordLogin(use(), { email, password: "nope" })).rejects.toMatchObject({ code: "unauthorized:credentials" });
    await expect(verifyPasswordLogin(use(), { email: "nobody@legit.test", password: "x" })).rejects.toMatchObject({
      code: "unauthorized:credentials",
    });
  });

  it("locks a badge after five wrong PINs, even the right PIN, until the lock expires", async () => {
    const badge = `EMP-${Date.now() % 1e9}`;
    const user = await createUser(use(), centerId, "operator", { badgeCode: badge, pinHash: await hashSecret("4821") });
    const now = new Date("2026-01-01T09:00:00Z");
    const tries = await Promise.allSettled(
      Array.from({ length: maxFailedAttempts }, () => verifyBadgeLogin(use(), { badge, pin: "0000" }, now)),
    );
    expect(tries.every((t) => t.status === "rejected")).toBe(true);
    const codes = tries.map((t) => (t as PromiseRejectedResult).reason.code);
    expect(codes).toContain("locked:account");
    await expect(verifyBadgeLogin(use(), { badge, pin: "4821" }, now)).rejects.toMatchObject({ code: "locked:account" });
    const later = new Date(now.getTime() + 16 * 60_000);
    await expect(verifyBadgeLogin(use(), { badge, pin: "4821" }, later)).resolves.toMatchObject({ id: user.id });
    const [row] = await use().select().from(users).where(eq(users.id, user.id));
    expect(row.failedAttempts).toBe(0);
    expect(row.lockedUntil).toBeNull();
  });

  it("starts a fresh count after an expired lock instead of locking again at once", async () => {
    const badge = `EMP-${(Date.now() + 7) % 1e9}`;
    await createUser(use(), centerId, "inspector", { badgeCode: badge, pinHash: await hashSecret("1111") });
    const now = new Date("2026-01-01T09:00:00Z");
    for (let i = 0; i < maxFailedAttempts; i++) await verifyBadgeLogin(use(), { badge, pin: "9999" }, now).catch(() => {});
    const later = new Date(now.getTime() + 20 * 60_000);
    await expect(verifyBadgeLogin(use(), { badge, pin: "9999" }, later)).rejects.toMatchObject({ code: "unauthorized:credentials" });
  });

  it("refuses an inactive account", async () => {
    const email = `${uniq("x")}@legit.test`;
    await createUser(use(), centerId, "admin", { email, passwordHash: await hashSecret("pw"), active: false });
    await expect(verifyPasswordLogin(use(), { email, password: "pw" })).rejects.toMatchObject({ code: "unauthorized:credentials" });
  });
});
