import { and, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "@/db/client";
import { inspections, items, products, users, type Inspection, type Item } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { hasRole } from "@/lib/auth/staff-context";
import { productOfItem } from "@/lib/catalog/item-row-columns";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, lockItemRowByCode, lockItemRowById, type Actor, staffActor } from "@/lib/items/apply-transition";
import { reusableQuery } from "@/db/reusable-query";
import { activeChecklistIdOf } from "./checklists";
import { inspectedItemColumns, inspectionsWithInspector, itemOfInspection } from "./inspection-joins";
import { requireInspector } from "./guards";
import { inspectorAction } from "./inspector-action";
import { loadCenterSettings } from "./inspection-settings";
import { tryLockInspectionAndItem } from "./lock-inspection";
import { isSenior } from "./verdict-rules";

export const claimItemSchema = z
  .object({
    scanId: z.string().trim().min(1).max(100),
    itemCode: z.string().trim().toUpperCase().min(1).optional(),
    itemId: z.uuid().optional(),
    /** A senior inspector or manager takes over someone else's live claim, saying why (audited). */
    takeOverReason: z.string().trim().min(3, "Say why you take this item over.").max(500).optional(),
  })
  .refine((v) => v.itemCode || v.itemId, "Scan an item label or pick an item.");
export type ClaimItemInput = z.input<typeof claimItemSchema>;

export type ClaimResult = {
  inspectionId: string;
  itemId: string;
  itemCode: string | null;
  claimedAt: string;
  /** The inspector scanned an item they had already claimed: nothing changed. */
  reopened: boolean;
  /** Set when an expired claim of another inspector was taken over. */
  tookOverFrom: { userId: string; name: string } | null;
  /** A repeated scan id: this is the first answer, nothing was done again. */
  repeated: boolean;
};

/**
 * Claims an item for inspection (received → in_inspection) and opens an inspection record. The
 * item row lock decides between inspectors scanning at once; the loser is told who has it. An
 * expired claim of someone else is taken over.
 */
export function claimItem(db: Db, ctx: StaffContext, input: ClaimItemInput, now: Date = new Date()): Promise<ClaimResult> {
  return inspectorAction(db, ctx, { kind: "inspection.claim", schema: claimItemSchema, input }, (tx, data) => claimInTx(tx, ctx, data, now));
}

/** The claim inside the caller's transaction (the scan id already claimed): claimItem, claimNextItem. */
export async function claimInTx(tx: Tx, ctx: StaffContext, data: z.output<typeof claimItemSchema>, now: Date): Promise<Omit<ClaimResult, "repeated">> {
  const locked = data.itemId ? await lockItemRowById(tx, data.itemId, ctx.centerId) : await lockItemRowByCode(tx, ctx.centerId, data.itemCode!);
  const item = locked?.item;
  if (!item) throw new DomainError("not_found:item", data.itemCode ? `There is no item ${data.itemCode} in this center.` : "No such item in this center.", { item: data.itemCode ?? "—" });
  const label = item.code ?? "This item";
  const item_ = { item: item.code ?? "—" };
  const actor: Actor = staffActor(ctx);
  let tookOverFrom: ClaimResult["tookOverFrom"] = null;

  if (item.state === "in_inspection") {
    const open = await findActiveInspection(tx, item.id);
    if (open?.inspection.inspectorId === ctx.userId && open.inspection.status === "open") {
      return { ...claimAnswer(open.inspection, item), reopened: true, tookOverFrom: null };
    }
    if (!open || open.inspection.status !== "open") {
      throw new DomainError("conflict:claimed", `${label} is being inspected; ask a manager to release it.`, { ...item_, name: "—" });
    }
    const settings = await loadCenterSettings(tx, ctx.centerId);
    const expiresAt = open.inspection.claimedAt.getTime() + settings.claimTimeoutMinutes * 60_000;
    if (expiresAt > now.getTime() && data.takeOverReason) {
      if (!isSenior(ctx.role)) {
        throw new DomainError("forbidden:takeover", `Only a senior inspector or a manager can take over ${open.inspectorName}'s claim.`, { ...item_, name: open.inspectorName });
      }
      await releaseInTx(tx, item, open.inspection, actor, "taken_over", { note: data.takeOverReason });
      tookOverFrom = { userId: open.inspection.inspectorId, name: open.inspectorName };
    } else if (expiresAt > now.getTime()) {
      const minutes = Math.max(0, Math.round((now.getTime() - open.inspection.claimedAt.getTime()) / 60_000));
      throw new DomainError("conflict:claimed", `${label} is being inspected by ${open.inspectorName} (claimed ${minutes} min ago).`, {
        ...item_,
        name: open.inspectorName,
        minutes,
        claimedBy: { userId: open.inspection.inspectorId, name: open.inspectorName },
        claimedAt: open.inspection.claimedAt.toISOString(),
        /** The screen offers a take-over (with a reason) to seniors and managers. */
        canTakeOver: isSenior(ctx.role),
      });
    } else {
      await releaseInTx(tx, item, open.inspection, actor, "claim_timeout_takeover");
      tookOverFrom = { userId: open.inspection.inspectorId, name: open.inspectorName };
    }
  } else if (item.state === "held") {
    const pending = await findActiveInspection(tx, item.id);
    if (pending?.inspection.status === "awaiting_review") {
      throw new DomainError("conflict:awaiting_review", `${label} waits for a second inspector to review ${pending.inspectorName}'s verdict.`, {
        ...item_,
        name: pending.inspectorName,
      });
    }
    throw new DomainError("conflict:awaiting_buyer", `${label} passed with a minor defect and waits for the buyer's decision.`, item_);
  } else if (item.state === "received" && item.returnToSeller) {
    throw new DomainError("conflict:return_to_seller", `${label} goes back to the seller without inspection (cancelled order or unexpected unit).`, item_);
  } else if (item.state !== "received") {
    const [last] = await tx
      .select({ verdict: inspections.verdict, reviewVerdict: inspections.reviewVerdict })
      .from(inspections)
      .where(and(eq(inspections.itemId, item.id), eq(inspections.status, "done")))
      .orderBy(desc(inspections.submittedAt))
      .limit(1);
    if (last) {
      const verdict = (last.reviewVerdict ?? last.verdict ?? "").replace(/_/g, " ");
      throw new DomainError("conflict:item_state", `${label} was already inspected (${verdict}) and is now ${item.state.replace(/_/g, " ")}.`, {
        ...item_,
        state: item.state,
        action: "claim",
      });
    }
  }

  // A claim that released someone else's first changed the item since it was locked: read it again.
  await applyTransition(tx, { itemId: item.id, action: "claim", actor, centerId: ctx.centerId, details: {}, locked: tookOverFrom ? undefined : locked });
  const [inspection] = await openInspection(tx, { itemId: item.id, centerId: ctx.centerId, inspectorId: ctx.userId, category: item.category, claimedAt: now });
  return { ...claimAnswer(inspection, item), reopened: false, tookOverFrom };
}

/**
 * The claim's inspection row, with the center's active checklist for the item's category (the
 * highest active version, as getActiveChecklist reads it) chosen in the same statement; its SQL
 * built once (db/reusable-query.ts).
 */
const openInspection = reusableQuery((q) =>
  q
    .insert(inspections)
    .values({
      itemId: sql.placeholder("itemId"),
      centerId: sql.placeholder("centerId"),
      inspectorId: sql.placeholder("inspectorId"),
      checklistId: sql`(${activeChecklistIdOf(sql.placeholder("centerId"), sql.placeholder("category"))})`,
      status: "open",
      claimedAt: sql.placeholder("claimedAt"),
    } as unknown as typeof inspections.$inferInsert)
    .returning(),
);

function claimAnswer(inspection: Inspection, item: Item) {
  return { inspectionId: inspection.id, itemId: item.id, itemCode: item.code, claimedAt: inspection.claimedAt.toISOString() };
}

/** The item's open or awaiting-review inspection, with the inspector's name. */
export async function findActiveInspection(q: Queryable, itemId: string): Promise<{ inspection: Inspection; inspectorName: string } | null> {
  const [row] = await inspectionsWithInspector(q, { inspection: inspections, inspectorName: users.name })
    .where(and(eq(inspections.itemId, itemId), inArray(inspections.status, ["open", "awaiting_review"])))
    .orderBy(desc(inspections.claimedAt))
    .limit(1);
  return row ?? null;
}

type ReleaseReason = "released_by_manager" | "released_by_inspector" | "claim_timeout" | "claim_timeout_takeover" | "taken_over";

async function releaseInTx(
  tx: Tx,
  item: Item,
  inspection: Inspection,
  actor: Actor,
  reason: ReleaseReason,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await applyTransition(tx, {
    itemId: item.id,
    action: "release_claim",
    actor,
    centerId: item.centerId,
    details: { inspectionId: inspection.id, inspectorId: inspection.inspectorId, reason, ...extra },
  });
  await tx.update(inspections).set({ status: "released" }).where(eq(inspections.id, inspection.id));
}

export type ReleaseResult = { inspectionId: string; itemId: string; itemCode: string | null };

/**
 * Puts a claimed item back in the queue (in_inspection → received). A manager may release anyone's
 * claim; an inspector only their own.
 */
export async function releaseClaim(db: Db, ctx: StaffContext, input: { itemId: string }): Promise<ReleaseResult> {
  requireInspector(ctx);
  if (!z.uuid().safeParse(input.itemId).success) throw new DomainError("not_found:item", "No such item in this center.");
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(items)
      .where(and(eq(items.id, input.itemId), eq(items.centerId, ctx.centerId)))
      .for("update");
    if (!item) throw new DomainError("not_found:item", "No such item in this center.");
    const open = item.state === "in_inspection" ? await findActiveInspection(tx, item.id) : null;
    if (!open || open.inspection.status !== "open") {
      throw new DomainError("conflict:not_claimed", `${item.code ?? "This item"} is not claimed for inspection.`, { item: item.code ?? "—", state: item.state });
    }
    const own = open.inspection.inspectorId === ctx.userId;
    if (!own && !hasRole(ctx.role, ["manager"])) {
      throw new DomainError("forbidden:role", `Only a manager can release ${open.inspectorName}'s claim.`, { item: item.code ?? "—", name: open.inspectorName });
    }
    await releaseInTx(tx, item, open.inspection, staffActor(ctx), own ? "released_by_inspector" : "released_by_manager");
    return { inspectionId: open.inspection.id, itemId: item.id, itemCode: item.code };
  });
}

/** How many expired claims one sweep of a center releases at most (the rest wait for the next sweep). */
export const EXPIRED_CLAIMS_BATCH = 50;

/**
 * Releases the center's oldest open claims older than its claimTimeoutMinutes, at most `batch` of
 * them, oldest first; the rest are left for the next sweep, so a sweep stays short however many
 * claims lapsed at once. Each release is its own transaction with its audit row and event. Run by
 * the periodic work (lib/inspection/sweep-expired-claims.ts), never by a read. Several sweeps may
 * run at once (app instances, relays): each takes its claim with `for update skip locked`, so two
 * sweeps never take the same claim, and one whose item another transaction holds is passed over for
 * a later sweep.
 */
export async function releaseExpiredClaims(db: Db, centerId: string, now: Date = new Date(), opts: { batch?: number } = {}): Promise<ReleaseResult[]> {
  const settings = await loadCenterSettings(db, centerId);
  const cutoff = new Date(now.getTime() - settings.claimTimeoutMinutes * 60_000);
  const released: ReleaseResult[] = [];
  // Where the last sweep step stopped (claimed_at as text: exact to the microsecond).
  let after: { claimedAt: string; id: string } | null = null;
  for (let i = 0; i < (opts.batch ?? EXPIRED_CLAIMS_BATCH); i++) {
    const step: { taken: { claimedAt: string; id: string } | null; done: ReleaseResult | null } = await db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: inspections.id, claimedAt: sql<string>`${inspections.claimedAt}::text` })
        .from(inspections)
        .where(
          and(
            eq(inspections.centerId, centerId),
            eq(inspections.status, "open"),
            lt(inspections.claimedAt, cutoff),
            after ? sql`(${inspections.claimedAt}, ${inspections.id}) > (${after.claimedAt}::timestamptz, ${after.id}::uuid)` : undefined,
          ),
        )
        .orderBy(inspections.claimedAt, inspections.id)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!taken) return { taken: null, done: null };
      return { taken, done: await releaseIfExpiredInTx(tx, centerId, taken.id, cutoff) };
    });
    if (!step.taken) break;
    after = step.taken;
    if (step.done) released.push(step.done);
  }
  return released;
}

/** releaseIfExpiredInTx in a transaction of its own. */
export function releaseIfExpired(db: Db, centerId: string, inspectionId: string, cutoff: Date): Promise<ReleaseResult | null> {
  return db.transaction((tx) => releaseIfExpiredInTx(tx, centerId, inspectionId, cutoff));
}

/**
 * Releases one claim if, under its locks, it is still open, claimed before `cutoff` and its item
 * still in inspection; null when it is not, or when another transaction holds its item right now
 * (a sweep does not wait while holding the inspection).
 */
async function releaseIfExpiredInTx(tx: Tx, centerId: string, inspectionId: string, cutoff: Date): Promise<ReleaseResult | null> {
  const found = await tryLockInspectionAndItem(tx, centerId, inspectionId);
  if (!found) return null;
  const { inspection, item } = found;
  if (inspection.status !== "open" || inspection.claimedAt >= cutoff || item.state !== "in_inspection") return null;
  await releaseInTx(tx, item, inspection, {}, "claim_timeout");
  return { inspectionId, itemId: item.id, itemCode: item.code };
}

/**
 * Open claims of the center, oldest first; `limit` of them, or `inspectorId`'s own only. Oldest first
 * reads `inspections_center_status_idx` (center, status, claimed_at) in order; one inspector's claims read
 * `inspections_center_inspector_idx` (center, inspector, submitted_at …): an open claim has never been
 * submitted (a claim is inserted open, and a verdict closes it), so `submitted_at is null` narrows that
 * index to the inspector's unsubmitted inspections.
 */
export async function listOpenClaims(q: Queryable, centerId: string, opts: { limit?: number; inspectorId?: string; claimedSince?: Date } = {}) {
  const query = inspectionsWithInspector(q, { ...inspectedItemColumns, claimedAt: inspections.claimedAt })
    .innerJoin(items, itemOfInspection)
    .leftJoin(products, productOfItem)
    .where(
      and(
        eq(inspections.centerId, centerId),
        eq(inspections.status, "open"),
        opts.inspectorId ? and(eq(inspections.inspectorId, opts.inspectorId), isNull(inspections.submittedAt)) : undefined,
        opts.claimedSince ? gte(inspections.claimedAt, opts.claimedSince) : undefined,
      ),
    )
    .orderBy(inspections.claimedAt, inspections.id);
  return opts.limit === undefined ? query : query.limit(opts.limit);
}

/** How many claims of the center are open (claimed since `claimedSince`, when given: the ones not timed out). */
export async function countOpenClaims(q: Queryable, centerId: string, claimedSince?: Date): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(inspections)
    .where(and(eq(inspections.centerId, centerId), eq(inspections.status, "open"), claimedSince ? gte(inspections.claimedAt, claimedSince) : undefined));
  return Number(row?.n ?? 0);
}
