import { and, asc, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { bins, cycleCounts, zones } from "@/db/schema";
import { recordAdminEvent } from "@/lib/admin/admin-events";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { binCodeSchema, parseInput, requireManager } from "./guards";

/** At most this many bins are planned by one request. */
export const maxPlannedPerRequest = 500;

export const planCountsSchema = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("bin"), binCode: binCodeSchema }),
  z.object({ scope: z.literal("zone"), zoneCode: z.string().trim().toUpperCase().min(1).max(3) }),
  /** Bins not counted for `days` days (or never), and bins someone asked to have counted. */
  z.object({ scope: z.literal("stale"), days: z.coerce.number().int().min(0).max(3650) }),
]);

/**
 * Plans blind counts: one open count per bin (a bin already planned is left as it is). Returns how
 * many were planned now.
 */
export async function planCounts(db: Db, ctx: StaffContext, input: z.input<typeof planCountsSchema>, now = new Date()): Promise<{ planned: number; alreadyOpen: number }> {
  requireManager(ctx);
  const data = parseInput(planCountsSchema, input);
  return db.transaction(async (tx) => {
    const base = and(eq(bins.centerId, ctx.centerId), eq(bins.active, true));
    let where;
    if (data.scope === "bin") where = and(base, eq(bins.code, data.binCode));
    else if (data.scope === "zone") {
      const [zone] = await tx.select().from(zones).where(and(eq(zones.centerId, ctx.centerId), eq(zones.code, data.zoneCode)));
      if (!zone) throw new DomainError("not_found:zone", `No zone ${data.zoneCode} in this center.`, { zone: data.zoneCode });
      where = and(base, eq(bins.zoneId, zone.id));
    } else {
      const cutoff = new Date(now.getTime() - data.days * 86_400_000);
      where = and(base, or(isNull(bins.lastCountedAt), lt(bins.lastCountedAt, cutoff), isNotNull(bins.countRequestedAt)));
    }
    const targets = await tx
      .select({ id: bins.id, requested: bins.countRequestedAt })
      .from(bins)
      .where(where)
      .orderBy(sql`${bins.countRequestedAt} is null`, asc(bins.lastCountedAt), asc(bins.pickSequence))
      .limit(maxPlannedPerRequest);
    if (data.scope === "bin" && targets.length === 0) {
      throw new DomainError("not_found:bin", `No active bin ${data.binCode} in this center.`, { bin: data.binCode });
    }
    if (targets.length === 0) return { planned: 0, alreadyOpen: 0 };
    const inserted = await tx
      .insert(cycleCounts)
      .values(targets.map((t) => ({ centerId: ctx.centerId, binId: t.id, reason: t.requested ? "requested" : data.scope, plannedBy: ctx.userId })))
      .onConflictDoNothing()
      .returning({ id: cycleCounts.id });
    const target = data.scope === "bin" ? data.binCode : data.scope === "zone" ? data.zoneCode : `${data.days}d`;
    if (inserted.length) {
      await recordAdminEvent(tx, { centerId: ctx.centerId, actorUserId: ctx.userId, action: "counts_planned", targetType: "cycle_count", targetId: target, details: { scope: data.scope, planned: inserted.length } });
    }
    return { planned: inserted.length, alreadyOpen: targets.length - inserted.length };
  });
}

export type PlannedCount = { id: string; binCode: string; zoneCode: string; status: string; reason: string; plannedAt: string };

/** Open counts of the center (planned or being counted), in pick-path order: what operators count. */
export async function listOpenCounts(q: Queryable, centerId: string, limit = 200): Promise<PlannedCount[]> {
  const rows = await q
    .select({ id: cycleCounts.id, binCode: bins.code, zoneCode: zones.code, status: cycleCounts.status, reason: cycleCounts.reason, plannedAt: cycleCounts.plannedAt })
    .from(cycleCounts)
    .innerJoin(bins, eq(bins.id, cycleCounts.binId))
    .innerJoin(zones, eq(zones.id, bins.zoneId))
    .where(and(eq(cycleCounts.centerId, centerId), or(eq(cycleCounts.status, "planned"), eq(cycleCounts.status, "counting"))))
    .orderBy(asc(bins.pickSequence))
    .limit(limit);
  return rows.map((r) => ({ ...r, plannedAt: r.plannedAt.toISOString() }));
}

/** @public */
export const requestCountSchema = z.object({ binCode: binCodeSchema });

/** Flags a bin for counting (a short pick, a doubt); the next stale-bin plan includes it. */
export async function requestBinCount(q: Queryable, centerId: string, binCode: string, now = new Date()): Promise<boolean> {
  const rows = await q
    .update(bins)
    .set({ countRequestedAt: now })
    .where(and(eq(bins.centerId, centerId), eq(bins.code, binCode.trim().toUpperCase())))
    .returning({ id: bins.id });
  return rows.length > 0;
}
