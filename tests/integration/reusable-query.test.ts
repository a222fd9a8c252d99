import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db, Queryable } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { centers, items, parcels, scanRequests, users } from "@/db/schema";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, createUser, uniq } from "../helpers/fixtures";

const userWithCenter = (q: Queryable, where: ReturnType<typeof eq>) =>
  q.select().from(users).innerJoin(centers, eq(centers.id, users.centerId)).where(where);
const userWithCenterById = reusableQuery((q) => userWithCenter(q, eq(users.id, sql.placeholder("id"))));

// An outer join that finds nothing: the joined table is null, not an object of nulls.
const itemWithParcel = (q: Queryable, where: ReturnType<typeof eq>) =>
  q.select({ item: items, parcel: parcels, code: sql<string>`upper(${items.code})` }).from(items).leftJoin(parcels, eq(parcels.id, items.parcelId)).where(where);
const itemWithParcelById = reusableQuery((q) => itemWithParcel(q, eq(items.id, sql.placeholder("id"))));

const claimScan = reusableQuery((q) =>
  q
    .insert(scanRequests)
    .values({ scanId: sql.placeholder("scanId"), userId: sql.placeholder("userId"), kind: "test", response: sql.placeholder("response") })
    .returning(),
);

const storeItem = reusableQuery((q) =>
  q
    .update(items)
    .set({ storedAt: sql.placeholder("storedAt") } as unknown as Partial<typeof items.$inferInsert>)
    .where(eq(items.id, sql.placeholder("id")))
    .returning(),
);

const responseIsNull = async (db: Db, scanId: string) => {
  const [row] = await db.select({ isNull: sql<boolean>`${scanRequests.response} is null` }).from(scanRequests).where(eq(scanRequests.scanId, scanId));
  return row?.isNull;
};

describeEachDb("reusable queries: SQL built once, run on the database or a transaction", (use) => {
  it("decodes rows exactly as the same builder does, for each new value", async () => {
    const db = use();
    const center = await createCenter(db);
    for (const role of ["operator", "inspector"] as const) {
      const user = await createUser(db, center.id, role);
      expect(await userWithCenterById(db, { id: user.id })).toEqual(await userWithCenter(db, eq(users.id, user.id)));
    }
    expect(await userWithCenterById(db, { id: "00000000-0000-4000-8000-000000000000" })).toEqual([]);
    const [item] = await createOrderWithItems(db, center.id, ["received"]);
    const [mapped] = await itemWithParcelById(db, { id: item.id });
    expect(mapped).toEqual((await itemWithParcel(db, eq(items.id, item.id)))[0]);
    expect(mapped.parcel).toBeNull();
    expect(mapped.item.createdAt).toBeInstanceOf(Date);
    expect(mapped.code).toBe(item.code!.toUpperCase());
  });

  it("runs inside the transaction it is given: a rollback takes its write back", async () => {
    const db = use();
    const center = await createCenter(db);
    const user = await createUser(db, center.id, "operator");
    const kept = uniq("scan-");
    const undone = uniq("scan-");
    await db.transaction((tx) => claimScan(tx, { scanId: kept, userId: user.id, response: { ok: 1 } }));
    await expect(
      db.transaction(async (tx) => {
        await claimScan(tx, { scanId: undone, userId: user.id, response: { ok: 2 } });
        // The transaction sees its own row (same connection), then gives it up.
        expect(await tx.select().from(scanRequests).where(eq(scanRequests.scanId, undone))).toHaveLength(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const rows = await db.select().from(scanRequests).where(eq(scanRequests.userId, user.id));
    expect(rows.map((r) => [r.scanId, r.response])).toEqual([[kept, { ok: 1 }]]);
  });

  it("encodes values as their columns do, and a null as NULL (not JSON null, not a failed date)", async () => {
    const db = use();
    const center = await createCenter(db);
    const user = await createUser(db, center.id, "operator");
    const scanId = uniq("scan-");
    const [row] = await claimScan(db, { scanId, userId: user.id, response: null });
    expect(row.response).toBeNull();
    expect(await responseIsNull(db, scanId)).toBe(true);

    const [item] = await createOrderWithItems(db, center.id, ["stored"]);
    const at = new Date("2026-03-14T09:26:53.000Z");
    const [stored] = await storeItem(db, { id: item.id, storedAt: at });
    expect(stored.storedAt).toEqual(at);
    expect(stored.id).toBe(item.id);
    const [cleared] = await storeItem(db, { id: item.id, storedAt: null });
    expect(cleared.storedAt).toBeNull();
  });
});
