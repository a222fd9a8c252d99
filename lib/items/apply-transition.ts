import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { itemEvents, items, type Item } from "@/db/schema";
import { appendItemEvent } from "@/lib/events/append-outbox-event";
import type { ItemEventDetails } from "@/lib/events/catalogue";
import { openShipmentIfLeaving } from "@/lib/dispatch/open-shipment";
import { DomainError } from "@/lib/errors/domain-error";
import { planTransition, type ItemAction } from "./transitions";

/** Who did it: a staff member at a station, or the marketplace through an API client. */
export type Actor = { userId?: string; apiClientId?: string; station?: string };

export type TransitionInput = {
  itemId: string;
  action: ItemAction;
  actor: Actor;
  /** Refuse unless the item belongs to this center (staff and API clients are center-scoped). */
  centerId?: string;
  /** Refuse if someone changed the item since the caller read it. */
  expectedVersion?: number;
  /** Other columns to change with the state (bin, code, destination, …). */
  set?: Partial<Omit<typeof items.$inferInsert, "id" | "state" | "version">>;
  /** Recorded on the audit row and sent to the marketplace; declared in lib/events/catalogue.ts. */
  details?: ItemEventDetails;
};

export type TransitionResult = { item: Item; from: Item["state"] };

/**
 * Applies one transition inside the caller's transaction: locks the item row, checks state and
 * version, updates it, and appends the audit row and the outbox event. Two callers racing on one
 * item serialise on the row lock; the second sees the new state and is refused.
 */
export async function applyTransition(tx: Tx, input: TransitionInput): Promise<TransitionResult> {
  const [current] = await tx.select().from(items).where(eq(items.id, input.itemId)).for("update");
  if (!current || (input.centerId && current.centerId !== input.centerId)) {
    throw new DomainError("not_found:item", "No such item in this center.");
  }
  const label = current.code ?? "This item";
  const plan = planTransition({ state: current.state, type: current.type, label }, input.action);
  if (!plan.ok) {
    throw new DomainError(plan.code, plan.message, plan.params);
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw new DomainError("conflict:item_version", `${label} was changed by someone else just now; look again and retry.`, {
      item: current.code ?? "—",
      state: current.state,
    });
  }
  const [updated] = await tx
    .update(items)
    .set({ ...input.set, state: plan.rule.to, version: sql`${items.version} + 1`, updatedAt: sql`now()` })
    .where(eq(items.id, current.id))
    .returning();
  const details = input.details ?? {};
  await tx.insert(itemEvents).values({
    itemId: current.id,
    centerId: current.centerId,
    action: input.action,
    fromState: current.state,
    toState: plan.rule.to,
    actorUserId: input.actor.userId,
    actorApiClientId: input.actor.apiClientId,
    station: input.actor.station,
    details,
  });
  await appendItemEvent(tx, {
    item: updated,
    action: input.action,
    from: current.state,
    to: plan.rule.to,
    actor: input.actor,
    at: updated.updatedAt,
    details,
  });
  await openShipmentIfLeaving(tx, { item: updated, action: input.action, from: current.state, details });
  return { item: updated, from: current.state };
}

/** An audit row for something that does not change state (label reprint, note, photo). */
export async function recordItemEvent(
  tx: Tx,
  input: { item: Pick<Item, "id" | "centerId" | "state">; action: string; actor: Actor; details?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(itemEvents).values({
    itemId: input.item.id,
    centerId: input.item.centerId,
    action: input.action,
    fromState: input.item.state,
    toState: input.item.state,
    actorUserId: input.actor.userId,
    actorApiClientId: input.actor.apiClientId,
    station: input.actor.station,
    details: input.details ?? {},
  });
}
