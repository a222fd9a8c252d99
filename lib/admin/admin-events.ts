import { and, desc, eq, lt } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { adminEvents, users } from "@/db/schema";

export type AdminEventInput = {
  centerId: string;
  actorUserId: string;
  action: string;
  targetType: "user" | "center" | "api_client" | "zone" | "bin" | "cycle_count";
  targetId: string;
  details?: Record<string, unknown>;
};

/** Appends the audit row of an administrative change, inside the change's own transaction. */
export async function recordAdminEvent(tx: Tx, input: AdminEventInput): Promise<void> {
  await tx.insert(adminEvents).values({ ...input, details: input.details ?? {} });
}

/** The center's administration log, newest first, with who did each change; paged by id. */
export async function listAdminEvents(q: Queryable, centerId: string, opts: { before?: number; limit?: number } = {}) {
  return q
    .select({
      id: adminEvents.id,
      at: adminEvents.createdAt,
      action: adminEvents.action,
      targetType: adminEvents.targetType,
      targetId: adminEvents.targetId,
      details: adminEvents.details,
      actorName: users.name,
    })
    .from(adminEvents)
    .leftJoin(users, eq(users.id, adminEvents.actorUserId))
    .where(and(eq(adminEvents.centerId, centerId), opts.before ? lt(adminEvents.id, opts.before) : undefined))
    .orderBy(desc(adminEvents.id))
    .limit(opts.limit ?? 100);
}
