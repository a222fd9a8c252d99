import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { inboundOrders, itemEvents, items, outboxEvents, type Item } from "@/db/schema";
import { insertOutboxEventSlots, itemEventRow, outboxEventValues } from "@/lib/events/append-outbox-event";
import type { ItemEventDetails } from "@/lib/events/catalogue";
import { openShipmentIfLeaving } from "@/lib/dispatch/open-shipment";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { entersQueue } from "./queue-entry";
import { planTransition, type ItemAction } from "./transitions";

/** Who did it: a staff member at a station, or the marketplace through an API client. */
export type Actor = { userId?: string; apiClientId?: string; station?: string; scannedAt?: Date };

/** The staff member of a station action as the audit trail names them (with the scan's own time, if it was queued). */
export function staffActor(ctx: Pick<StaffContext, "userId" | "station" | "scannedAt">): Actor {
  return { userId: ctx.userId, station: ctx.station, scannedAt: ctx.scannedAt };
}

/** The details of an audit row and its event, with the time the scan was made when it was sent later. */
function withScanTime<D extends Record<string, unknown>>(details: D, actor: Actor): D & { scannedAt?: string } {
  return actor.scannedAt ? { ...details, scannedAt: actor.scannedAt.toISOString() } : details;
}

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
  /**
   * The item row the caller already locked in this transaction (`lockItemRow`, or the item a
   * previous transition of the same transaction returned): saves reading it again.
   */
  locked?: LockedItem;
};

export type TransitionResult = { item: Item; from: Item["state"]; locked: LockedItem };

/** An item row locked for update, with what its transition's event needs besides the row. */
export type LockedItem = { item: Item; orderExternalId: string; now: Date };

/**
 * Locks the item rows matching `where` (for update, the item only) in one read that also brings
 * what a transition's event needs: the order's id and the transaction's time (now() is fixed for a
 * transaction, so it is also the updated_at a transition sets).
 */
export async function lockItemRow(tx: Tx, where: SQL | undefined): Promise<LockedItem | undefined> {
  const [row] = await lockedItemSelect(tx, where);
  return row;
}

/**
 * The select of lockItemRow, for a caller that builds its SQL once (db/reusable-query.ts). With
 * `skipLocked`, an item another transaction holds is left out instead of waited for.
 */
export function lockedItemSelect(q: Queryable, where: SQL | undefined, opts: { skipLocked?: boolean } = {}) {
  return q
    .select({ item: items, orderExternalId: inboundOrders.externalId, now: sql`now()`.mapWith(items.updatedAt) })
    .from(items)
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .where(where)
    .for("update", opts.skipLocked ? { of: items, skipLocked: true } : { of: items });
}

// lockItemRow by the item's id or its code, their SQL built once.
const lockById = reusableQuery((q) => lockedItemSelect(q, eq(items.id, sql.placeholder("itemId"))));
const lockByIdInCenter = reusableQuery((q) =>
  lockedItemSelect(q, and(eq(items.id, sql.placeholder("itemId")), eq(items.centerId, sql.placeholder("centerId")))),
);
const lockByCodeInCenter = reusableQuery((q) =>
  lockedItemSelect(q, and(eq(items.code, sql.placeholder("code")), eq(items.centerId, sql.placeholder("centerId")))),
);

/** lockItemRow by the item's id (in this center, when one is given). */
export async function lockItemRowById(tx: Tx, itemId: string, centerId?: string): Promise<LockedItem | undefined> {
  const [row] = centerId === undefined ? await lockById(tx, { itemId }) : await lockByIdInCenter(tx, { itemId, centerId });
  return row;
}

/** lockItemRow by the item's label code in this center. */
export async function lockItemRowByCode(tx: Tx, centerId: string, code: string): Promise<LockedItem | undefined> {
  const [row] = await lockByCodeInCenter(tx, { code, centerId });
  return row;
}

/**
 * Applies one transition inside the caller's transaction: locks the item row, checks state and
 * version, updates it, and appends the audit row and the outbox event. Two callers racing on one
 * item serialise on the row lock; the second sees the new state and is refused.
 */
export async function applyTransition(tx: Tx, input: TransitionInput): Promise<TransitionResult> {
  const row = input.locked ?? (await lockItemRowById(tx, input.itemId));
  const current = row?.item;
  if (!current || current.id !== input.itemId || (input.centerId && current.centerId !== input.centerId)) {
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
  const details = withScanTime(input.details ?? {}, input.actor);
  const to = plan.rule.to;
  const event = itemEventRow({
    item: { id: current.id, centerId: current.centerId, code: input.set?.code !== undefined ? input.set.code : current.code },
    action: input.action,
    from: current.state,
    to,
    actor: input.actor,
    at: row.now,
    orderExternalId: row.orderExternalId,
    details,
  });
  // The update, its audit row and its outbox event go to the database as one statement.
  const set = Object.entries(input.set ?? {}).filter(([, value]) => value !== undefined);
  const statement = transitionStatement(
    set.map(([column]) => column as SetColumn),
    entersQueue(input.action),
  );
  const [updated] = await statement(tx, {
    itemId: current.id,
    centerId: current.centerId,
    action: input.action,
    from: current.state,
    to,
    actorUserId: input.actor.userId ?? null,
    actorApiClientId: input.actor.apiClientId ?? null,
    station: input.actor.station ?? null,
    details,
    ...outboxEventValues(event),
    ...Object.fromEntries(set.map(([column, value]) => [`set_${column}`, value])),
    // The version the row was read at: a `locked` row gone stale within this transaction (a caller
    // bug) changes nothing and fails here instead of overwriting the newer row.
    version: current.version,
  });
  if (!updated) throw new Error(`applyTransition: item ${current.id} changed since it was locked in this transaction`);
  await openShipmentIfLeaving(tx, { item: updated, action: input.action, from: current.state, details });
  return { item: updated, from: current.state, locked: { item: updated, orderExternalId: row.orderExternalId, now: row.now } };
}

type SetColumn = keyof NonNullable<TransitionInput["set"]>;

/**
 * The statement of a transition (audit row and outbox event in a `with`, then the item's update,
 * only at the version it was read at), its SQL built once per set of changed columns.
 */
const transitionStatements = new Map<string, ReturnType<typeof buildTransitionStatement>>();
function transitionStatement(setColumns: SetColumn[], queue: boolean) {
  const key = `${setColumns.join(",")}|${queue}`;
  let statement = transitionStatements.get(key);
  if (!statement) {
    statement = buildTransitionStatement(setColumns, queue);
    transitionStatements.set(key, statement);
  }
  return statement;
}

function buildTransitionStatement(setColumns: SetColumn[], queue: boolean) {
  const slot = sql.placeholder;
  return reusableQuery((q) => {
    const tx = q as Tx;
    const audit = tx.$with("audit").as(
      tx
        .insert(itemEvents)
        .values({
          itemId: slot("itemId"),
          centerId: slot("centerId"),
          action: slot("action"),
          fromState: slot("from"),
          toState: slot("to"),
          actorUserId: slot("actorUserId"),
          actorApiClientId: slot("actorApiClientId"),
          station: slot("station"),
          details: slot("details"),
        })
        .returning({ id: itemEvents.id }),
    );
    const outbox = tx.$with("outbox").as(insertOutboxEventSlots(tx).returning({ id: outboxEvents.id }));
    const changed = Object.fromEntries(setColumns.map((column) => [column, slot(`set_${column}`)]));
    return tx
      .with(audit, outbox)
      .update(items)
      .set({
        ...changed,
        state: slot("to"),
        version: sql`${items.version} + 1`,
        updatedAt: sql`now()`,
        ...(queue ? { queueEnteredAt: sql`now()` } : {}),
      } as unknown as Partial<typeof items.$inferInsert>)
      .where(and(eq(items.id, slot("itemId")), eq(items.version, slot("version"))))
      .returning();
  });
}

/**
 * Audit actions that change no state. A new one is added here, with its name in
 * messages/<locale>/desk.json under `actions` (a test checks every one has both texts).
 */
export const recordedActions = [
  "review",
  "photo_added",
  "label_printed",
  "label_reprinted",
  "unexpected_unit_found",
  "order_reassigned",
  "missing_at_receipt",
  "short_pick",
  "short_pick_resolved",
  "quarantine_binned",
  "shipping_label_printed",
  "packing_slip_printed",
  "seller_address_given",
] as const;
export type RecordedAction = (typeof recordedActions)[number];

/** An audit row for something that does not change state (label reprint, note, photo). */
export async function recordItemEvent(
  tx: Tx,
  input: { item: Pick<Item, "id" | "centerId" | "state">; action: RecordedAction; actor: Actor; details?: Record<string, unknown> },
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
    details: withScanTime(input.details ?? {}, input.actor),
  });
}
