import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bins, inboundOrders, inspectionPhotos, parcels, pickLists, zones, type Role } from "@/db/schema";
import { createApiClient } from "@/lib/api/api-clients";
import { hashSecret } from "@/lib/auth/password-hash";
import { installInspectionDefaults } from "@/lib/inspection/install-defaults";
import { signIn, type Station } from "@/scripts/bench/http-client";
import { createCenter, createOrderWithItems, createUser, uniq } from "../helpers/fixtures";
import { claimedItem, ctxOf } from "../integration/inspection-fixtures";

export const staffRoles = ["operator", "inspector", "senior_inspector", "manager", "admin"] as const satisfies readonly Role[];
const badgeRoles = new Set<Role>(["operator", "inspector", "senior_inspector"]);
const pin = "482193";
const password = "http-tests correct horse";

/** One center with one of everything a route can name in its path, and who may sign in there. */
async function buildCenter(db: Db, binLevel: number) {
  const center = await createCenter(db);
  await installInspectionDefaults(db, center.id);
  const people = {} as Record<(typeof staffRoles)[number], { id: string; name: string; login: Record<string, string> }>;
  for (const role of staffRoles) {
    const badge = `EMP-${Math.floor(Math.random() * 1e11)}`;
    const email = `${uniq(role)}@legit.test`;
    const user = await createUser(db, center.id, role, {
      name: `${role} ${uniq()}`,
      ...(badgeRoles.has(role) ? { badgeCode: badge, pinHash: await hashSecret(pin) } : { email, passwordHash: await hashSecret(password) }),
    });
    people[role] = { id: user.id, name: user.name, login: badgeRoles.has(role) ? { badge, pin } : { email, password } };
  }
  const client = await createApiClient(db, { name: `Marketplace ${uniq()}`, centerIds: [center.id] });
  const [zone] = await db.insert(zones).values({ centerId: center.id, code: "A", name: "Zone A" }).returning();
  const [bin] = await db.insert(bins).values({ centerId: center.id, zoneId: zone.id, code: `BIN-A-01-01-${binLevel}`, sizeClass: "S", capacity: 4, pickSequence: 1 }).returning();
  const [stored] = await createOrderWithItems(db, center.id, ["stored"], { type: "storage" });
  const [expected] = await createOrderWithItems(db, center.id, ["expected"]);
  const inspectorUser = { id: people.inspector.id, centerId: center.id, role: "inspector" as const } as Parameters<typeof ctxOf>[0];
  const { inspectionId, item: inspected } = await claimedItem(db, ctxOf(inspectorUser));
  const inspection = { id: inspectionId };
  const [parcel] = await db.insert(parcels).values({ centerId: center.id, trackingNumber: uniq("CJ"), status: "unmatched" }).returning();
  const [pickList] = await db.insert(pickLists).values({ centerId: center.id, number: 1 }).returning();
  const [photo] = await db
    .insert(inspectionPhotos)
    .values({ inspectionId: inspection.id, itemId: inspected.id, storageKey: `missing/${uniq()}.jpg`, contentType: "image/jpeg", bytes: 10, uploadedBy: people.inspector.id })
    .returning();
  const [order] = await db.select().from(inboundOrders).where(eq(inboundOrders.id, expected.orderId));
  return {
    center,
    people,
    token: client.token,
    /** What each path parameter names in this center, keyed by the path segment before it. */
    params: {
      "api-clients/[clientId]": client.client.id,
      "staff/[userId]": people.operator.id,
      "pick-lists/[pickListId]": pickList.id,
      "inspections/[inspectionId]": inspection.id,
      "photos/[photoId]": photo.id,
      "parcels/[parcelId]": parcel.id,
      "bins/[code]": bin.code,
      "items/[code]": stored.code!,
      "inbound-orders/[externalId]": order.externalId,
      "items/[itemId]": stored.id,
      "inspect/[inspectionId]": inspection.id,
      "review/[inspectionId]": inspection.id,
      "items/[key]": stored.code!,
      // The service worker script (public, the same for every center).
      "serwist/[path]": "sw.js",
    } as Record<string, string>,
    /** Strings that only this center's data holds: none may appear in an answer to another center. */
    markers: [
      center.id,
      center.code,
      client.client.id,
      client.client.name,
      ...Object.values(people).flatMap((p) => [p.id, p.name]),
      stored.id,
      stored.code!,
      expected.id,
      inspected.id,
      inspected.code!,
      inspection.id,
      parcel.id,
      parcel.trackingNumber,
      pickList.id,
      photo.id,
      order.externalId,
    ],
  };
}
export type WorldCenter = Awaited<ReturnType<typeof buildCenter>>;

/** Two centers, A (the caller's) and B (another's). */
export async function buildWorld(db: Db) {
  // Bin codes are unique per center only: the two centers' bins get different codes, or "another
  // center's bin" would name the caller's own bin of the same code.
  return { a: await buildCenter(db, 1), b: await buildCenter(db, 2) };
}

/** Signs every role of a center in through Auth.js's real endpoints. */
export async function signInAll(base: string, center: WorldCenter): Promise<Record<(typeof staffRoles)[number], Station>> {
  const out = {} as Record<(typeof staffRoles)[number], Station>;
  for (const role of staffRoles) {
    const { login } = center.people[role];
    out[role] = await signIn(base, "badge" in login ? "badge" : "password", login, `${role}-station`);
  }
  return out;
}

/** The same parameters with ids that exist nowhere, for writes that must not change the world they probe. */
export const fakeParams = (center: WorldCenter): Record<string, string> =>
  Object.fromEntries(Object.entries(center.params).map(([k, v]) => [k, /^[0-9a-f-]{36}$/.test(v) ? randomUUID() : `NOPE${v.slice(4)}`]));
