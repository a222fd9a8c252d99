import { and, asc, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { items, parcels, users } from "@/db/schema";
import { appendOutboxEvent } from "@/lib/events/append-outbox-event";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, staffActor } from "@/lib/items/apply-transition";
import { parseInput, requireManager, requireReceiver } from "./guards";
import { setSellerAddressInTx } from "@/lib/orders/give-seller-address";
import { appendNote, linkParcelToOrder } from "./link-parcel";
import { findAnnouncedOrder, findPlaceholderOrder } from "./placeholder-order";
import { findParcel, findParcelDetail, toParcelView, type ParcelDetail, type ParcelView } from "./views";

export const recordUnmatchedParcelSchema = z
  .object({
    parcelId: z.uuid(),
    note: z.string().trim().max(1000).optional(),
    /** Storage key of a photo already uploaded through the photo store. */
    photoKey: z.string().trim().min(1).max(300).optional(),
  })
  .refine((v) => v.note || v.photoKey, { message: "Add a note or a photo." });

/** The operator describes an unmatched parcel for the manager: a note and/or a photo. */
export async function recordUnmatchedParcel(db: Db, ctx: StaffContext, input: z.input<typeof recordUnmatchedParcelSchema>): Promise<ParcelView> {
  requireReceiver(ctx);
  const data = parseInput(recordUnmatchedParcelSchema, input);
  return db.transaction(async (tx) => {
    const parcel = await findParcel(tx, ctx.centerId, data.parcelId, { lock: true });
    if (!parcel) throw new DomainError("not_found:parcel", "No such parcel in this center.");
    if (parcel.status !== "unmatched") {
      throw new DomainError("conflict:parcel_state", `Parcel ${parcel.trackingNumber} is not in the unmatched queue (it is ${parcel.status}).`, { parcel: parcel.trackingNumber, status: parcel.status });
    }
    const [updated] = await tx
      .update(parcels)
      .set({ ...(data.note ? { note: data.note } : {}), ...(data.photoKey ? { photoKey: data.photoKey } : {}) })
      .where(eq(parcels.id, parcel.id))
      .returning();
    return toParcelView(updated);
  });
}

export type UnmatchedParcelEntry = ParcelView & { receivedByName: string | null; unexpectedUnits: number };

/** The manager's queue of parcels that match no order, oldest first. */
export async function listUnmatchedParcels(q: Queryable, centerId: string, opts: { limit?: number } = {}): Promise<UnmatchedParcelEntry[]> {
  const rows = await q
    .select({
      parcel: parcels,
      receivedByName: users.name,
      unexpectedUnits: sql<number>`(select ${count()} from ${items} where ${items.parcelId} = ${parcels.id})`.mapWith(Number),
    })
    .from(parcels)
    .leftJoin(users, eq(users.id, parcels.receivedBy))
    .where(and(eq(parcels.centerId, centerId), eq(parcels.status, "unmatched")))
    .orderBy(asc(parcels.createdAt), asc(parcels.id))
    .limit(opts.limit ?? 200);
  return rows.map((r) => ({ ...toParcelView(r.parcel), receivedByName: r.receivedByName, unexpectedUnits: r.unexpectedUnits }));
}

export const resolveUnmatchedParcelSchema = z.object({
  parcelId: z.uuid(),
  /** Link to this order; leave out to return the parcel to its sender. */
  orderExternalId: z.string().trim().min(1).max(100).optional(),
  note: z.string().trim().min(1, "Say how it was resolved.").max(1000),
  /** The sender's address (from the parcel's label), for the units recorded from it to go back to. */
  address: z.string().trim().min(5, "An address of at least 5 characters.").max(500).optional(),
  phone: z.string().trim().min(1).max(40).optional(),
});

export type ResolveParcelAnswer = ParcelDetail & { outcome: "linked" | "returned"; message: string };

/**
 * A manager settles an unmatched parcel: either it belongs to an order (the parcel is linked and
 * its units can be received), or it goes back to its sender (status `resolved`; units already
 * recorded from it are routed for return). Either way resolvedBy/resolvedAt and the note are kept
 * on the parcel, and an outbox event records the decision.
 */
export async function resolveUnmatchedParcel(
  db: Db,
  ctx: StaffContext,
  input: z.input<typeof resolveUnmatchedParcelSchema>,
): Promise<ResolveParcelAnswer> {
  requireManager(ctx);
  const data = parseInput(resolveUnmatchedParcelSchema, input);
  return db.transaction(async (tx) => {
    const parcel = await findParcel(tx, ctx.centerId, data.parcelId, { lock: true });
    if (!parcel) throw new DomainError("not_found:parcel", "No such parcel in this center.");
    if (parcel.status !== "unmatched") {
      throw new DomainError("conflict:parcel_state", `Parcel ${parcel.trackingNumber} is no longer unmatched (it is ${parcel.status}); nothing was changed.`, { parcel: parcel.trackingNumber, status: parcel.status });
    }

    if (data.orderExternalId) {
      const order = await findAnnouncedOrder(tx, ctx.centerId, { externalId: data.orderExternalId });
      if (!order) throw new DomainError("not_found:order", `No order ${data.orderExternalId} in this center.`, { order: data.orderExternalId });
      await linkParcelToOrder(tx, ctx, parcel, order, "manager", data.note);
      const detail = await findParcelDetail(tx, ctx.centerId, parcel.id);
      return { ...detail!, outcome: "linked", message: `Parcel ${parcel.trackingNumber} linked to order ${order.externalId}; its units can now be received.` };
    }

    const [resolved] = await tx
      .update(parcels)
      .set({ status: "resolved", resolvedBy: ctx.userId, resolvedAt: new Date(), note: appendNote(parcel.note, data.note) })
      .where(eq(parcels.id, parcel.id))
      .returning();
    const placeholder = await findPlaceholderOrder(tx, parcel.id);
    const returning = placeholder
      ? await tx
          .select()
          .from(items)
          .where(and(eq(items.orderId, placeholder.id), eq(items.state, "received")))
      : [];
    // Units recorded from it go back to its sender, whom nobody announced: the manager gives the
    // address from the parcel's label, kept on its stand-in order (audited, as the API's seller-address
    // call does) before their returns are opened, so their labels carry it.
    if (placeholder && returning.length > 0) {
      if (data.address) {
        await setSellerAddressInTx(tx, placeholder.id, { address: data.address, ...(data.phone ? { phone: data.phone } : {}) }, staffActor(ctx), "staff");
      } else if (!placeholder.seller.address?.trim()) {
        throw new DomainError(
          "validation:sender_address",
          `${returning.length} unit(s) recorded from parcel ${parcel.trackingNumber} go back to its sender: enter the sender's address from the parcel's label.`,
          { parcel: parcel.trackingNumber, count: returning.length },
        );
      }
    }
    for (const item of returning) {
      await applyTransition(tx, {
        itemId: item.id,
        action: "route_return",
        actor: staffActor(ctx),
        centerId: ctx.centerId,
        set: { destination: "seller" },
        details: { destination: "seller", reason: "parcel_returned_to_sender", parcelId: parcel.id, note: data.note, managerId: ctx.userId },
      });
    }
    await appendOutboxEvent(tx, {
      centerId: ctx.centerId,
      event: {
        type: "parcel.returned_to_sender",
        payload: {
          parcelId: parcel.id,
          trackingNumber: parcel.trackingNumber,
          byUserId: ctx.userId,
          note: data.note,
          unitsReturned: returning.length,
          at: resolved.resolvedAt!.toISOString(),
        },
      },
    });
    const detail = await findParcelDetail(tx, ctx.centerId, parcel.id);
    const units = returning.length > 0 ? ` ${returning.length} unit${returning.length === 1 ? "" : "s"} recorded from it went to packing for return.` : "";
    return { ...detail!, outcome: "returned", message: `Parcel ${parcel.trackingNumber} resolved: return to sender.${units}` };
  });
}
