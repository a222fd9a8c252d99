import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checklists, inspections, itemEvents, items, outboxEvents, type CenterSettings, type Role, type User } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { addPhoto } from "@/lib/inspection/inspection-photos";
import { saveChecklistResults } from "@/lib/inspection/checklist-results";
import { claimItem } from "@/lib/inspection/claims";
import { installInspectionDefaults } from "@/lib/inspection/install-defaults";
import { LocalPhotoStore } from "@/lib/photos/local-photo-store";
import { createCenter, createOrderWithItems, createUser, defaultSettings, uniq } from "../helpers/fixtures";

export const ctxOf = (user: User, station = "TAB-01"): StaffContext => ({ userId: user.id, centerId: user.centerId, role: user.role, station });

export const scan = () => uniq("scan-");

/** A small valid JPEG header followed by noise; enough for type sniffing. */
export const jpegBytes = (size = 64) => {
  const b = new Uint8Array(size);
  b.set(randomBytes(size));
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  return b;
};

export async function tempPhotoStore() {
  return new LocalPhotoStore(await mkdtemp(path.join(tmpdir(), "legit-test-photos-")));
}

/** A center with defaults installed and one user of each inspection role (two plain inspectors). */
export async function inspectionCenter(db: Db, settings: Partial<CenterSettings> = {}) {
  const center = await createCenter(db, { settings: { ...defaultSettings, ...settings } });
  await installInspectionDefaults(db, center.id);
  const make = (role: Role, name: string) => createUser(db, center.id, role, { name: `${name} ${uniq()}` });
  const [inspector, inspector2, senior, senior2, manager, operator] = await Promise.all([
    make("inspector", "Kim"),
    make("inspector", "Park"),
    make("senior_inspector", "Choi"),
    make("senior_inspector", "Jung"),
    make("manager", "Lee"),
    make("operator", "Yoon"),
  ]);
  return { center, inspector, inspector2, senior, senior2, manager, operator };
}

/**
 * A received item claimed by `ctx`, its checklist answered all ok (a verdict needs every required
 * point answered) unless `answered: false`.
 */
export async function claimedItem(
  db: Db,
  ctx: StaffContext,
  opts: { type?: "trade" | "storage"; price?: number; category?: string; answered?: boolean } = {},
  now?: Date,
) {
  const { answered = true, ...itemOpts } = opts;
  const [item] = await createOrderWithItems(db, ctx.centerId, ["received"], itemOpts);
  const claim = await claimItem(db, ctx, { scanId: scan(), itemCode: item.code! }, now);
  if (answered) await answerChecklist(db, ctx, claim.inspectionId);
  return { item, inspectionId: claim.inspectionId, claim };
}

/** Answers every point of the inspection's checklist: ok, except the keys in `notOk`. */
export async function answerChecklist(db: Db, ctx: StaffContext, inspectionId: string, notOk: string[] = []) {
  const [row] = await db
    .select({ points: checklists.points })
    .from(inspections)
    .innerJoin(checklists, eq(checklists.id, inspections.checklistId))
    .where(eq(inspections.id, inspectionId));
  if (!row) return [];
  return saveChecklistResults(db, ctx, { inspectionId, results: row.points.map((p) => ({ key: p.key, ok: !notOk.includes(p.key) })) });
}

export async function addJpeg(db: Db, store: LocalPhotoStore, ctx: StaffContext, inspectionId: string) {
  return addPhoto(db, store, ctx, { inspectionId, bytes: jpegBytes(), contentType: "image/jpeg", caption: "evidence" });
}

/** Everything the database holds about an item, for before/after comparisons. */
export async function snapshot(db: Db, itemId: string) {
  const [item] = await db.select().from(items).where(eq(items.id, itemId));
  const events = await db.select().from(itemEvents).where(eq(itemEvents.itemId, itemId)).orderBy(asc(itemEvents.id));
  const outbox = await db.select().from(outboxEvents).where(eq(outboxEvents.itemId, itemId)).orderBy(asc(outboxEvents.id));
  const rows = await db.select().from(inspections).where(eq(inspections.itemId, itemId)).orderBy(asc(inspections.claimedAt));
  return { item, events, outbox, inspections: rows };
}
