import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { inboundOrders, outboxEvents, type Item } from "@/db/schema";
import type { ItemState } from "@/db/schema/items";
import { outboxEventSchema, type ActorKind, type ItemEventAction, type ItemEventDetails, type OutboxEventInput } from "./catalogue";

type NewOutboxEvent = typeof outboxEvents.$inferInsert;

/**
 * The only writer of `outbox_events`: checks the event against the catalogue and appends it inside
 * the caller's transaction, so it commits (or not) with the change it describes. A payload the
 * catalogue does not declare is a programming error and fails loudly.
 */
export async function appendOutboxEvent(tx: Tx, input: { centerId: string; itemId?: string | null; event: OutboxEventInput }): Promise<void> {
  await insertOutboxEvent(tx, outboxEventRow(input));
}

/** An event's outbox row, checked against the catalogue (a payload it does not declare fails loudly). */
export function outboxEventRow(input: { centerId: string; itemId?: string | null; event: OutboxEventInput }): NewOutboxEvent {
  const parsed = outboxEventSchema.safeParse(input.event);
  if (!parsed.success) {
    throw new Error(`Outbox event ${input.event.type} does not match lib/events/catalogue.ts:\n${z.prettifyError(parsed.error)}`);
  }
  return { centerId: input.centerId, itemId: input.itemId ?? null, type: parsed.data.type, payload: parsed.data.payload };
}

/**
 * The insert of a checked row (from outboxEventRow), not yet run: a caller may run it, or put it in
 * a `with` of its own statement so the event is written in the same round trip as the change.
 */
export function insertOutboxEvent(tx: Tx, row: NewOutboxEvent) {
  return tx.insert(outboxEvents).values(row);
}

/**
 * The same insert with its values as placeholders, for a statement whose SQL is built once
 * (db/reusable-query.ts); `outboxEventValues` turns a checked row into those placeholders' values.
 */
export function insertOutboxEventSlots(tx: Tx) {
  return tx.insert(outboxEvents).values({
    centerId: sql.placeholder("outboxCenterId"),
    itemId: sql.placeholder("outboxItemId"),
    type: sql.placeholder("outboxType"),
    payload: sql.placeholder("outboxPayload"),
  });
}

export function outboxEventValues(row: NewOutboxEvent) {
  return { outboxCenterId: row.centerId, outboxItemId: row.itemId ?? null, outboxType: row.type, outboxPayload: row.payload };
}

/** Staff at a station, the marketplace through an API client, or Legit itself. */
export function actorKindOf(actor: { userId?: string; apiClientId?: string }): ActorKind {
  if (actor.userId) return "staff";
  if (actor.apiClientId) return "marketplace";
  return "system";
}

export type ItemEventInput = {
  item: Pick<Item, "id" | "centerId"> & { code: string | null; orderId?: string };
  action: ItemEventAction;
  from: ItemState;
  to: ItemState;
  actor: { userId?: string; apiClientId?: string };
  at?: Date;
  /** Known already (saves a read); otherwise read from the item's order. */
  orderExternalId?: string | null;
  details?: ItemEventDetails;
};

/**
 * Appends an `item.<action>` event: the shape every item event shares (item id and code, order,
 * action, from, to, at, actor kind) plus the action's details from the catalogue.
 */
export async function appendItemEvent(tx: Tx, input: ItemEventInput): Promise<void> {
  let orderExternalId = input.orderExternalId;
  if (orderExternalId === undefined && input.item.orderId) {
    const [order] = await tx.select({ externalId: inboundOrders.externalId }).from(inboundOrders).where(eq(inboundOrders.id, input.item.orderId));
    orderExternalId = order?.externalId ?? null;
  }
  await insertOutboxEvent(tx, itemEventRow({ ...input, orderExternalId: orderExternalId ?? null }));
}

/** The outbox row of an `item.<action>` event whose order is known (see appendItemEvent). */
export function itemEventRow(input: ItemEventInput & { orderExternalId: string | null }): NewOutboxEvent {
  return outboxEventRow({
    centerId: input.item.centerId,
    itemId: input.item.id,
    event: {
      type: `item.${input.action}`,
      payload: {
        itemId: input.item.id,
        itemCode: input.item.code,
        orderExternalId: input.orderExternalId,
        action: input.action,
        from: input.from,
        to: input.to,
        at: (input.at ?? new Date()).toISOString(),
        actorKind: actorKindOf(input.actor),
        ...input.details,
      },
    } as OutboxEventInput,
  });
}
