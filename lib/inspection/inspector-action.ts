import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Queryable, Tx } from "@/db/client";
import { users } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { withScanId } from "@/lib/scans/with-scan-id";
import { parseInput, requireInspector } from "./guards";
import { DomainError } from "@/lib/errors/domain-error";
import { lockInspectionWithRules, type LockedInspectionWithRules } from "./lock-inspection-with-rules";

/**
 * The outer shape of every scanned inspector action (claim, next item, verdict, review): only
 * inspectors, the input parsed with its schema, and the work done once per client scan id in one
 * transaction. A repeated scan id answers the first result with `repeated: true`.
 */
export async function inspectorAction<S extends z.ZodType<{ scanId: string }>, R>(
  db: Db,
  ctx: StaffContext,
  action: { kind: string; schema: S; input: unknown },
  run: (tx: Tx, data: z.output<S>) => Promise<R>,
): Promise<R & { repeated: boolean }> {
  requireInspector(ctx);
  const data = parseInput(action.schema, action.input);
  const { result, repeated } = await withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: action.kind }, (tx) => run(tx, data));
  return { ...result, repeated };
}

/**
 * An inspector action on one inspection (the verdict, the review): as `inspectorAction`, with the
 * item and the inspection locked (item first) before `judge` checks the status and decides; the
 * rules it judges by (settings, reason codes, photos, checklist) are read with the inspection's lock.
 */
export function lockedInspectionAction<S extends z.ZodType<{ scanId: string; inspectionId: string }>, R>(
  db: Db,
  ctx: StaffContext,
  action: { kind: string; schema: S; input: unknown },
  judge: (tx: Tx, locked: LockedInspectionWithRules, data: z.output<S>) => Promise<R>,
): Promise<R & { repeated: boolean }> {
  return inspectorAction(db, ctx, action, async (tx, data) => {
    const locked = await lockInspectionWithRules(tx, ctx.centerId, data.inspectionId);
    if (!locked) throw new DomainError("not_found:inspection", "No such inspection in this center.");
    return judge(tx, locked, data);
  });
}

/** A staff member's name for a refusal ("… by Kim"), or null if the account is gone. */
export async function staffName(q: Queryable, userId: string): Promise<string | null> {
  const [row] = await q.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}
