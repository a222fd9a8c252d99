import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { users } from "@/db/schema";
import { staffById } from "@/lib/auth/staff-by-id";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createUser } from "../helpers/fixtures";

describeEachDb("staff by id: the per-request user read, built once per database", (use) => {
  it("reads the user with their center, and nothing for an unknown id", async () => {
    const db = use();
    const center = await createCenter(db);
    const user = await createUser(db, center.id, "operator");
    const row = await staffById(db, user.id);
    expect(row?.users.id).toBe(user.id);
    expect(row?.centers.id).toBe(center.id);
    expect(await staffById(db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });

  it("reads fresh each time: a deactivation or a new session version shows on the next read", async () => {
    const db = use();
    const center = await createCenter(db);
    const user = await createUser(db, center.id, "inspector");
    expect((await staffById(db, user.id))?.users.active).toBe(true);
    await db.update(users).set({ active: false, sessionVersion: 7 }).where(eq(users.id, user.id));
    const after = await staffById(db, user.id);
    expect(after?.users.active).toBe(false);
    expect(after?.users.sessionVersion).toBe(7);
  });
});
