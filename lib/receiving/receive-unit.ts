import { and, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { centers, inboundOrders, items, parcels, type InboundOrder, type Item, type Parcel } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, lockItemRowById, staffActor } from "@/lib/items/apply-transition";
import { labelProductNames, type LabelData } from "@/lib/labels/label-data";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { isUniqueViolation, parseInput, requireReceiver, scanIdSchema } from "./guards";
import { generateItemCode } from "@/lib/scan-codes/item-code";
import { findParcel, selectOrderUnits, toOrderView, type OrderView, type UnitView } from "./views";

export const receiveUnitSchema = z.object({
  scanId: scanIdSchema,
  parcelId: z.uuid(),
  itemId: z.uuid(),
});

export type ReceiveUnitAnswer = {
  /** received: into the inspection queue; received_for_return: its order was cancelled, it goes back. */
  outcome: "received" | "received_for_return";
  unit: UnitView;
  label: LabelData;
  order: Pick<OrderView, "id" | "externalId" | "type" | "counts">;
  message: string;
};

/**
 * The operator confirms that one announced unit is in the parcel: it gets a fresh item code and
 * becomes `received` (time, station and operator on its audit row). A unit of a cancelled order is
 * received as well, flagged for return and routed straight to packing for the seller, in the same
 * transaction. A unit already received is refused, naming its code; of two stations confirming the
 * same unit at once, the second waits on the row lock and is then refused.
 */
export async function receiveUnit(
  db: Db,
  ctx: StaffContext,
  input: z.input<typeof receiveUnitSchema>,
  /** Tests pass a generator that collides; callers leave it out. */
  generateCode: () => string = generateItemCode,
): Promise<ScanOutcome<ReceiveUnitAnswer>> {
  requireReceiver(ctx);
  const data = parseInput(receiveUnitSchema, input);
  // A generated code already taken (the unique index on items.code says so; 50 random bits make it
  // very rare) rolls the whole transaction back, scan id claim included, and it runs again with
  // another code: no savepoint (two statements) around every receive for it.
  for (let attempt = 1; ; attempt++) {
    try {
      return await receiveOnce(db, ctx, data, generateCode());
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error, "items_code_idx")) continue;
      throw error;
    }
  }
}

function receiveOnce(db: Db, ctx: StaffContext, data: z.output<typeof receiveUnitSchema>, code: string): Promise<ScanOutcome<ReceiveUnitAnswer>> {
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "receiving.unit" }, async (tx) => {
    // The unit locked first, then its parcel and (if the parcel is for it) its order in one read; the
    // parcel's refusals still come before the unit's.
    const locked = await lockItemRowById(tx, data.itemId, ctx.centerId);
    const [row] = await parcelWithOrder(tx, { centerId: ctx.centerId, parcelId: data.parcelId, orderId: locked?.item.orderId ?? null });
    const parcel = checkReceivable(row?.parcel);
    const item = locked?.item;
    if (!item) throw new DomainError("not_found:item", "No such unit in this center.");
    refuseIfReceived(item, parcel);
    const order = row.order && row.timeZone ? { order: row.order, timeZone: row.timeZone } : await refuseOrderOfParcel(tx, parcel, item);

    const cancelled = item.state === "cancelled";
    const actor = staffActor(ctx);
    const trail = { station: ctx.station ?? null, operatorId: ctx.userId, parcelId: parcel.id, trackingNumber: parcel.trackingNumber };
    // The item as locked above, then as the receive left it: no transition reads it again.
    const received = await applyTransition(tx, {
      locked,
      itemId: item.id,
      action: "receive",
      actor,
      centerId: ctx.centerId,
      expectedVersion: item.version,
      set: { code, parcelId: parcel.id, receivedAt: new Date(), ...(cancelled ? { returnToSeller: true } : {}) },
      details: cancelled ? { ...trail, returnToSeller: true, reason: "order_cancelled" } : trail,
    });
    if (cancelled) {
      await applyTransition(tx, {
        itemId: item.id,
        action: "route_return",
        locked: received.locked,
        actor,
        centerId: ctx.centerId,
        set: { destination: "seller" },
        details: { ...trail, destination: "seller", reason: "order_cancelled" },
      });
    }
    return answer(tx, ctx, item.id, order, cancelled);
  });
}

/** The parcel, if units may be received into it. */
export async function receivableParcel(tx: Tx, ctx: StaffContext, parcelId: string): Promise<Parcel> {
  return checkReceivable(await findParcel(tx, ctx.centerId, parcelId));
}

function checkReceivable(parcel: Parcel | undefined): Parcel {
  if (!parcel) throw new DomainError("not_found:parcel", "No such parcel in this center.");
  if (parcel.status === "resolved") {
    throw new DomainError("conflict:parcel_resolved", `Parcel ${parcel.trackingNumber} was resolved by a manager as return to sender; its contents are not received.`, { parcel: parcel.trackingNumber });
  }
  return parcel;
}

// The parcel, and the unit's order with its center's time zone when the parcel is for that order
// (parcelOrdersWhere's rule, on the parcel's own columns), in one read built once (db/reusable-query.ts).
const slot = sql.placeholder;
const parcelWithOrder = reusableQuery((q) =>
  q
    .select({ parcel: parcels, order: inboundOrders, timeZone: centers.timezone })
    .from(parcels)
    .leftJoin(
      inboundOrders,
      and(
        eq(inboundOrders.centerId, parcels.centerId),
        eq(inboundOrders.id, slot("orderId")),
        or(
          eq(inboundOrders.trackingNumber, parcels.trackingNumber),
          eq(inboundOrders.id, parcels.orderId),
          inArray(inboundOrders.id, sql`(select ${items.orderId} from ${items} where ${items.parcelId} = ${parcels.id})`),
        ),
      ),
    )
    .leftJoin(centers, eq(centers.id, inboundOrders.centerId))
    .where(and(eq(parcels.centerId, slot("centerId")), eq(parcels.id, slot("parcelId")))),
);

function refuseIfReceived(item: Item, parcel: Parcel): void {
  if (item.receivedAt === null && item.code === null) return;
  const where = item.parcelId && item.parcelId !== parcel.id ? " from another parcel" : "";
  throw new DomainError(
    "conflict:already_received",
    `This unit was already received as ${item.code ?? "(no code)"}${where}; nothing was recorded again. Do not label it twice.`,
    { item: item.code ?? "—", code: item.code ?? "—", state: item.state },
  );
}

/** Why the unit's order is not received from this parcel (the parcel is for no order of the unit's). */
async function refuseOrderOfParcel(tx: Tx, parcel: Parcel, item: Item): Promise<never> {
  if (parcel.status === "unmatched") {
    throw new DomainError(
      "conflict:parcel_unmatched",
      `Parcel ${parcel.trackingNumber} is not matched to an order yet: look its order up first, or leave it for a manager.`,
      { parcel: parcel.trackingNumber },
    );
  }
  const [other] = await tx.select({ externalId: inboundOrders.externalId }).from(inboundOrders).where(eq(inboundOrders.id, item.orderId));
  throw new DomainError(
    "conflict:wrong_parcel",
    `This unit belongs to order ${other?.externalId ?? "?"}, which is not expected in parcel ${parcel.trackingNumber}.`,
    { order: other?.externalId ?? "?", parcel: parcel.trackingNumber },
  );
}

/**
 * The answer, from one read of the order's units as they are now (the received one among them):
 * the unit, the order's counts, and the label (the order and its center's time zone were read
 * before the receive, and receiving changes neither).
 */
async function answer(
  tx: Tx,
  ctx: StaffContext,
  itemId: string,
  { order, timeZone }: { order: InboundOrder; timeZone: string },
  forReturn: boolean,
): Promise<ReceiveUnitAnswer> {
  const view = toOrderView(order, await selectOrderUnits(tx, ctx.centerId, order.id));
  const unit = view.units.find((u) => u.itemId === itemId);
  if (!unit?.code || !unit.receivedAt) throw new Error("received unit vanished");
  const label: LabelData = {
    code: unit.code,
    ...labelProductNames(unit, { nameKo: unit.productNameKo, nameEn: unit.productNameEn }),
    size: unit.size,
    orderExternalId: order.externalId,
    receivedAt: unit.receivedAt,
    timeZone,
  };
  const left = view.counts.toReceive;
  const progress = `${view.counts.received} of ${view.counts.announced} received${left > 0 ? `, ${left} to go` : ""}.`;
  return {
    outcome: forReturn ? "received_for_return" : "received",
    unit,
    label,
    order: { id: view.id, externalId: view.externalId, type: view.type, counts: view.counts },
    message: forReturn
      ? `Received as ${unit.code}. Its order was cancelled: flagged for return to the seller. Label it and put it with returns. ${progress}`
      : `Received as ${unit.code}. Label it and put it in the inspection queue. ${progress}`,
  };
}
