import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { centers, inboundOrders, itemEvents, items, orderLines, type InboundOrder, type Item } from "@/db/schema";
import { appendOutboxEvent } from "@/lib/events/append-outbox-event";
import { DomainError } from "@/lib/errors/domain-error";
import type { ApiCaller } from "@/lib/api/api-clients";
import { requestFingerprint } from "./canonical-json";
import { isUniqueViolation } from "@/lib/errors/db-errors";
import { normalizeTrackingNumber } from "@/lib/scan-codes/tracking-number";
import type { AnnounceOrderRequest, AnnounceOrderResponse } from "@/lib/api/schemas";

export type AnnounceOutcome = { status: 201 | 200; body: AnnounceOrderResponse };

/**
 * Announces an order: the order, its lines and one `expected` item per unit, with audit rows and an
 * `order.announced` event, in one transaction. Idempotent on externalId: the same body again answers
 * the first result (200); another body under the same id is refused (409). Two identical calls at the
 * same moment meet at the unique index on external_id: the loser re-reads and answers the winner's order.
 */
export async function announceOrder(db: Db, caller: ApiCaller, request: AnnounceOrderRequest): Promise<AnnounceOutcome> {
  const [center] = await centerByCode(db, { code: request.centerCode });
  if (!center) throw new DomainError("validation:center_code", `centerCode: there is no center "${request.centerCode}".`);
  if (!caller.centerIds.includes(center.id)) {
    throw new DomainError("forbidden:center", `Your API client may not announce orders to center ${center.code}.`);
  }
  const requestHash = requestFingerprint(request);

  const earlier = await findOrderByExternalId(db, caller, request.externalId);
  if (earlier) return replay(db, caller, earlier, requestHash);
  try {
    const answer = await db.transaction(async (tx) => {
      const [order] = await tx
        .insert(inboundOrders)
        .values({
          centerId: center.id,
          externalId: request.externalId,
          type: request.type,
          seller: request.seller,
          buyer: request.buyer ?? null,
          // Stored as scanners read it, so a number announced as "CJ-5550 0001" matches a scan of CJ55500001.
          trackingNumber: request.trackingNumber ? normalizeTrackingNumber(request.trackingNumber) : null,
          requestHash,
          apiClientId: caller.id,
        })
        .returning();
      const lines = await tx
        .insert(orderLines)
        .values(request.items.map((line, i) => ({ orderId: order.id, lineNo: i + 1, ...line })))
        .returning();
      const created = await tx
        .insert(items)
        .values(lines.map((line) => ({
          centerId: center.id,
          orderId: order.id,
          orderLineId: line.id,
          type: request.type,
          state: "expected" as const,
          sku: line.sku,
          productName: line.productName,
          category: line.category,
          size: line.size,
          price: line.price,
        })))
        .returning();
      await tx.insert(itemEvents).values(
        created.map((item) => ({
          itemId: item.id,
          centerId: center.id,
          action: "announce",
          fromState: null,
          toState: "expected" as const,
          actorApiClientId: caller.id,
          details: { orderExternalId: order.externalId },
        })),
      );
      const lineNoById = new Map(lines.map((l) => [l.id, l.lineNo]));
      await appendOutboxEvent(tx, {
        centerId: center.id,
        event: {
          type: "order.announced",
          payload: {
            orderExternalId: order.externalId,
            orderType: order.type,
            trackingNumber: order.trackingNumber,
            at: order.createdAt.toISOString(),
            actorKind: "marketplace",
            items: created.map((item) => ({ itemId: item.id, lineNo: lineNoById.get(item.orderLineId ?? ""), sku: item.sku, size: item.size, state: item.state })),
          },
        },
      });
      // The answer from the rows just written: what a replay reads back (loadAnnouncedOrder), without reading it.
      return announcedOrder(order, center.code, created.map((item) => ({ item, lineNo: lineNoById.get(item.orderLineId ?? "") ?? 0 })));
    });
    return { status: 201, body: answer };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent call with the same externalId won the race.
    const winner = await findOrderByExternalId(db, caller, request.externalId);
    if (!winner) throw error;
    return replay(db, caller, winner, requestHash);
  }
}

async function replay(db: Db, caller: ApiCaller, order: InboundOrder, requestHash: string): Promise<AnnounceOutcome> {
  if (order.requestHash !== requestHash || !caller.centerIds.includes(order.centerId)) {
    throw new DomainError(
      "conflict:external_id",
      `An order with externalId "${order.externalId}" was already announced with a different body. Use a new externalId for a new order.`,
    );
  }
  return { status: 200, body: await loadAnnouncedOrder(db, order.id) };
}

/** The caller's own order under its externalId (ids are per API client: another client's is not seen). */
export async function findOrderByExternalId(db: Queryable, caller: Pick<ApiCaller, "id">, externalId: string): Promise<InboundOrder | undefined> {
  const [order] = await orderByExternalId(db, { apiClientId: caller.id, externalId });
  return order;
}

// The reads every announce makes first, their SQL built once (db/reusable-query.ts).
const centerByCode = reusableQuery((q) =>
  q.select({ id: centers.id, code: centers.code }).from(centers).where(eq(centers.code, sql.placeholder("code"))),
);
const orderByExternalId = reusableQuery((q) =>
  q
    .select()
    .from(inboundOrders)
    .where(and(eq(inboundOrders.apiClientId, sql.placeholder("apiClientId")), eq(inboundOrders.externalId, sql.placeholder("externalId")))),
);

/** The announce answer, built only from what never changes, so a replay answers exactly the same. */
async function loadAnnouncedOrder(db: Queryable, orderId: string): Promise<AnnounceOrderResponse> {
  const [row] = await db
    .select({ order: inboundOrders, centerCode: centers.code })
    .from(inboundOrders)
    .innerJoin(centers, eq(centers.id, inboundOrders.centerId))
    .where(eq(inboundOrders.id, orderId));
  const units = await db
    .select({ item: items, lineNo: orderLines.lineNo })
    .from(items)
    .innerJoin(orderLines, eq(orderLines.id, items.orderLineId))
    .where(eq(items.orderId, orderId))
    .orderBy(asc(orderLines.lineNo));
  return announcedOrder(row.order, row.centerCode, units);
}

/** The announce answer from the order, its center's code and its units with their line numbers (in line order). */
function announcedOrder(order: InboundOrder, centerCode: string, units: { item: Item; lineNo: number }[]): AnnounceOrderResponse {
  return {
    order: {
      id: order.id,
      externalId: order.externalId,
      type: order.type,
      centerCode,
      trackingNumber: order.trackingNumber,
      createdAt: order.createdAt.toISOString(),
      items: [...units].sort((a, b) => a.lineNo - b.lineNo).map(({ item, lineNo }) => ({
        id: item.id,
        lineNo,
        sku: item.sku,
        productName: item.productName,
        category: item.category,
        size: item.size,
        price: item.price,
      })),
    },
  };
}
