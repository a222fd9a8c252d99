import { and, asc, eq, inArray, max, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { bins, items, zones, type Bin } from "@/db/schema";
import { recordAdminEvent } from "@/lib/admin/admin-events";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { binLayoutSchema, layoutBins, pathOrder, type BinLayout } from "./bin-layout";
import { binCodeSchema, parseInput, requireManager } from "./guards";

export type BinPreview = { zoneCode: string; zoneExists: boolean; count: number; newCount: number; existing: string[]; sample: string[]; last: string | null };

/** What a bulk creation would make, without making it: counts, first codes, codes that exist already. */
export async function previewBins(db: Queryable, ctx: StaffContext, input: unknown): Promise<BinPreview> {
  requireManager(ctx);
  const layout = parseInput(binLayoutSchema, input);
  const planned = layoutBins(layout);
  const [zone] = await db.select().from(zones).where(and(eq(zones.centerId, ctx.centerId), eq(zones.code, layout.zoneCode)));
  const existing = await existingCodes(db, ctx.centerId, planned.map((b) => b.code));
  return {
    zoneCode: layout.zoneCode,
    zoneExists: Boolean(zone),
    count: planned.length,
    newCount: planned.length - existing.length,
    existing: existing.slice(0, 20),
    sample: planned.slice(0, 12).map((b) => b.code),
    last: planned.at(-1)?.code ?? null,
  };
}

async function existingCodes(db: Queryable, centerId: string, codes: string[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = await db
      .select({ code: bins.code })
      .from(bins)
      .where(and(eq(bins.centerId, centerId), inArray(bins.code, codes.slice(i, i + 1000))));
    found.push(...rows.map((r) => r.code));
  }
  return found.sort();
}

/**
 * Creates the bins of a layout (the zone too, if new). Codes that exist already are left as they
 * are; new bins continue the center's pick path after its last bin, in walking order. The
 * administration log records it (as it does a zone's new path and a bin (de)activated).
 */
export async function createBins(db: Db, ctx: StaffContext, input: unknown): Promise<{ created: number; skipped: number; zoneCode: string }> {
  requireManager(ctx);
  const layout: BinLayout = parseInput(binLayoutSchema, input);
  return db.transaction(async (tx) => {
    await tx
      .insert(zones)
      .values({ centerId: ctx.centerId, code: layout.zoneCode, name: layout.zoneName || `Zone ${layout.zoneCode}` })
      .onConflictDoNothing();
    const [zone] = await tx.select().from(zones).where(and(eq(zones.centerId, ctx.centerId), eq(zones.code, layout.zoneCode)));
    // Serialise bulk creations of one center, so two managers never hand out the same path positions.
    await tx.execute(sql`select pg_advisory_xact_lock(7383011, hashtext(${ctx.centerId}))`);
    const [{ last }] = await tx.select({ last: max(bins.pickSequence) }).from(bins).where(eq(bins.centerId, ctx.centerId));
    let sequence = Number(last ?? 0);
    const planned = layoutBins(layout);
    let created = 0;
    for (let i = 0; i < planned.length; i += 1000) {
      const rows = planned.slice(i, i + 1000).map((b) => ({
        centerId: ctx.centerId,
        zoneId: zone.id,
        code: b.code,
        sizeClass: layout.sizeClass,
        capacity: layout.capacity,
        pickSequence: ++sequence,
      }));
      const inserted = await tx.insert(bins).values(rows).onConflictDoNothing().returning({ id: bins.id });
      created += inserted.length;
    }
    await recordAdminEvent(tx, {
      centerId: ctx.centerId,
      actorUserId: ctx.userId,
      action: "bins_created",
      targetType: "zone",
      targetId: zone.code,
      details: { sizeClass: layout.sizeClass, capacity: layout.capacity, created, skipped: planned.length - created, first: planned[0]?.code ?? null, last: planned.at(-1)?.code ?? null },
    });
    return { created, skipped: planned.length - created, zoneCode: zone.code };
  });
}

export const zonePathSchema = z.object({ zoneCode: z.string().trim().toUpperCase().min(1).max(3), style: z.enum(["serpentine", "straight"]) });

/** Re-numbers a zone's bins along a new walking order, within the zone's own range of the path. */
export async function setZonePath(db: Db, ctx: StaffContext, input: unknown): Promise<{ zoneCode: string; bins: number }> {
  requireManager(ctx);
  const data = parseInput(zonePathSchema, input);
  return db.transaction(async (tx) => {
    const [zone] = await tx.select().from(zones).where(and(eq(zones.centerId, ctx.centerId), eq(zones.code, data.zoneCode)));
    if (!zone) throw new DomainError("not_found:zone", `No zone ${data.zoneCode} in this center.`, { zone: data.zoneCode });
    const rows = await tx.select({ id: bins.id, code: bins.code, seq: bins.pickSequence }).from(bins).where(eq(bins.zoneId, zone.id)).for("update");
    const sequences = rows.map((r) => r.seq).sort((a, b) => a - b);
    const byCode = new Map(rows.map((r) => [r.code, r.id]));
    const order = pathOrder(rows.map((r) => r.code), data.style);
    for (const [i, code] of order.entries()) {
      await tx.update(bins).set({ pickSequence: sequences[i] }).where(eq(bins.id, byCode.get(code)!));
    }
    await recordAdminEvent(tx, { centerId: ctx.centerId, actorUserId: ctx.userId, action: "zone_path_changed", targetType: "zone", targetId: zone.code, details: { style: data.style, bins: rows.length } });
    return { zoneCode: zone.code, bins: rows.length };
  });
}

export const binActiveSchema = z.object({ binCode: binCodeSchema, active: z.boolean() });

/** Deactivates an empty bin (nothing recorded in it), or activates it again. */
export async function setBinActive(db: Db, ctx: StaffContext, input: unknown): Promise<Bin> {
  requireManager(ctx);
  const data = parseInput(binActiveSchema, input);
  return db.transaction(async (tx) => {
    const [bin] = await tx
      .select()
      .from(bins)
      .where(and(eq(bins.centerId, ctx.centerId), eq(bins.code, data.binCode)))
      .for("update");
    if (!bin) throw new DomainError("not_found:bin", `No bin ${data.binCode} in this center.`, { bin: data.binCode });
    if (!data.active) {
      const [held] = await tx.select({ id: items.id }).from(items).where(eq(items.binId, bin.id)).limit(1);
      if (bin.occupied > 0 || held) {
        throw new DomainError("conflict:bin_not_empty", `Bin ${bin.code} still holds ${bin.occupied} item(s); move them out first.`, {
          bin: bin.code,
          count: bin.occupied,
        });
      }
    }
    const [updated] = await tx.update(bins).set({ active: data.active }).where(eq(bins.id, bin.id)).returning();
    if (bin.active !== data.active) {
      await recordAdminEvent(tx, { centerId: ctx.centerId, actorUserId: ctx.userId, action: data.active ? "bin_activated" : "bin_deactivated", targetType: "bin", targetId: bin.code });
    }
    return updated;
  });
}

export type ZoneRow = { id: string; code: string; name: string; bins: number; firstBin: string | null };

/** @public */
export async function listZones(db: Queryable, centerId: string): Promise<ZoneRow[]> {
  const rows = await db
    .select({ id: zones.id, code: zones.code, name: zones.name, bins: sql<number>`count(${bins.id})::int`, firstBin: sql<string | null>`min(${bins.code})` })
    .from(zones)
    .leftJoin(bins, eq(bins.zoneId, zones.id))
    .where(eq(zones.centerId, centerId))
    .groupBy(zones.id)
    .orderBy(asc(zones.code));
  return rows;
}

/** Bins of a zone in pick-path order, a page at a time (for the admin list and labels). */
export async function listZoneBins(db: Queryable, centerId: string, zoneCode: string, opts: { offset?: number; limit?: number } = {}): Promise<Bin[]> {
  const [zone] = await db.select().from(zones).where(and(eq(zones.centerId, centerId), eq(zones.code, zoneCode.toUpperCase())));
  if (!zone) return [];
  return db
    .select()
    .from(bins)
    .where(eq(bins.zoneId, zone.id))
    .orderBy(asc(bins.pickSequence))
    .offset(opts.offset ?? 0)
    .limit(Math.min(opts.limit ?? 200, 1000));
}
