/**
 * The catalogue of every event Legit sends to the marketplace (the outbox, read through
 * GET /api/v1/events and pushed to webhooks). Each event type is declared here once:
 * `appendOutboxEvent` (./append-outbox-event.ts) refuses a payload that does not match, and the
 * OpenAPI document describes the feed and the webhook body from these same schemas.
 *
 * How to add an event type (storage, dispatch, …):
 * - An item changes state through `applyTransition`: its event is `item.<action>` and already exists
 *   for every `ItemAction`. Declare the details your transition sends in `detailFields` (one typed
 *   field each, with a description) and list them for the action in `itemEventDetails`.
 * - An item fact without a state change (like `item.reviewed`): add an entry to `itemEventDetails`
 *   under the action name and call `appendItemEvent` with it.
 * - Anything else (a manifest, a bin, a parcel): write a payload schema below, add it to
 *   `otherEvents` with a description, and call `appendOutboxEvent`.
 * Payloads only grow compatibly (new optional fields). An incompatible change bumps the type's
 * `version` literal. Nothing else writes `outbox_events` (tests/architecture checks this).
 */
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { verdicts } from "@/db/schema/inspection";
import { itemStates } from "@/db/schema/items";
import { orderTypes } from "@/db/schema/orders";
import { itemActions, type ItemAction } from "@/lib/items/transitions";

extendZodWithOpenApi(z);

const version = z.literal(1).default(1).openapi({ description: "Version of this event type's payload; bumped only for an incompatible change." });
const at = z.string().openapi({ description: "When it happened (ISO 8601).", example: "2025-03-14T09:26:53.000Z" });
const id = (description: string) => z.string().openapi({ description, format: "uuid" });
const state = z.enum(itemStates);

/** Who caused an event: staff at a station, the marketplace through the API, or Legit itself. */
export const actorKinds = ["staff", "marketplace", "system"] as const;
export type ActorKind = (typeof actorKinds)[number];

/** Every detail an item event may carry, declared once. All are optional; each type lists the ones it uses. */
const detailFields = {
  // receiving
  station: z.string().nullable().optional().openapi({ description: "Station name where it happened." }),
  operatorId: id("Operator who received it.").optional(),
  parcelId: id("Inbound parcel it came in.").optional(),
  trackingNumber: z.string().nullable().optional().openapi({ description: "Carrier tracking number of the parcel: the inbound one (receiving), the outbound one (`pack`, `dispatch`)." }),
  returnToSeller: z.boolean().optional().openapi({ description: "The unit goes back to its seller (cancelled order or unannounced unit)." }),
  unexpected: z.boolean().optional().openapi({ description: "The unit was not announced." }),
  reason: z.string().optional().openapi({ description: "Why (free text from the marketplace, or a code like `order_cancelled`, `unexpected_unit`, `parcel_returned_to_sender`)." }),
  note: z.string().nullable().optional().openapi({ description: "Staff note." }),
  destination: z.enum(["buyer", "seller"]).optional().openapi({ description: "Where the unit ships when it leaves." }),
  managerId: id("Manager who decided.").optional(),
  how: z.enum(["operator", "rescan", "manager"]).optional().openapi({ description: "How the parcel was linked to the order." }),
  fromOrderExternalId: z.string().optional().openapi({ description: "The stand-in order the unit was recorded on before its parcel was matched." }),
  // inspection
  inspectionId: id("The inspection.").optional(),
  inspectorId: id("Inspector of the first verdict.").optional(),
  verdict: z.enum(verdicts).optional().openapi({ description: "The standing verdict." }),
  reasonCodes: z.array(z.string()).optional().openapi({ description: "Center reason codes of the verdict." }),
  penaltyRate: z.number().optional().openapi({ description: "Share of the price the seller is charged (failed verdicts; 0 when a buyer refuses a disclosed defect)." }),
  defectNote: z.string().nullable().optional().openapi({ description: "Disclosed defect (pass with a minor defect)." }),
  awaitingReview: z.boolean().optional().openapi({ description: "Held for a second inspector before the verdict stands." }),
  reviewReason: z.string().nullable().optional().openapi({ description: "Why a second look is needed (`price`, `counterfeit`)." }),
  awaitingBuyerDecision: z.boolean().optional().openapi({ description: "Held until the buyer accepts or refuses the disclosed defect (POST /items/{itemId}/buyer-decision)." }),
  review: z.enum(["confirm", "overturn"]).optional().openapi({ description: "The second inspector's decision." }),
  originalVerdict: z.enum(verdicts).optional().openapi({ description: "The first inspector's verdict." }),
  reviewerId: id("Second inspector.").optional(),
  buyerDecision: z.enum(["accept", "refuse"]).optional().openapi({ description: "The buyer's answer to a disclosed defect." }),
  // marketplace
  buyer: z
    .object({ id: z.string(), name: z.string(), address: z.string().optional(), phone: z.string().optional() })
    .optional()
    .openapi({ description: "Buyer of a stored item that sold." }),
  saleId: z.string().optional().openapi({ description: "The marketplace's id of the sale." }),
  withdrawalId: z.string().optional().openapi({ description: "The marketplace's id of the withdrawal." }),
  address: z.string().optional().openapi({ description: "Where the withdrawn unit is sent, when the marketplace gave an address with the withdrawal (instead of the seller's on the order)." }),
  // storage
  binId: id("The bin the unit is in (or was in, for `mark_missing`).").optional(),
  binCode: z.string().optional().openapi({ description: "Code of that bin.", example: "BIN-A-03-02-1" }),
  fromBinCode: z.string().nullable().optional().openapi({ description: "The bin it left (moves)." }),
  sizeClass: z.enum(["S", "M", "L", "XL"]).optional().openapi({ description: "Storage size class of the unit." }),
  override: z.boolean().optional().openapi({ description: "The operator chose another bin than the one suggested." }),
  suggestedBinCode: z.string().optional().openapi({ description: "The bin that was suggested (overrides)." }),
  countId: id("The cycle count that found the difference.").optional(),
  resolution: z
    .enum(["moved_found_elsewhere", "marked_missing", "moved_here", "no_change"])
    .optional()
    .openapi({ description: "How a manager resolved a cycle count difference." }),
  storageFee: z
    .object({
      days: z.number().int(),
      chargeableDays: z.number().int(),
      freeDays: z.number().int(),
      dailyFee: z.number(),
      amount: z.number(),
      currency: z.string(),
      sizeClass: z.string(),
    })
    .optional()
    .openapi({ description: "Storage fee owed as the unit leaves storage: days stored (center's local days, the putaway day counts), days past the free period, the daily fee and the amount to charge the seller." }),
  // dispatch
  pickListId: id("The pick list it was picked on.").optional(),
  pickListNumber: z.number().int().optional().openapi({ description: "The pick list's number at the center." }),
  tote: z.string().nullable().optional().openapi({ description: "Tote that collected the picked unit." }),
  shipmentId: id("The outbound shipment.").optional(),
  carrier: z.string().nullable().optional().openapi({ description: "Carrier of the outbound parcel (`CJ`, `HANJIN`, `EPOST`)." }),
  manifestId: id("The carrier manifest it was handed over on.").optional(),
  shipmentReason: z.string().optional().openapi({ description: "Why it leaves: `trade_passed`, `storage_sold`, `withdrawn`, `inspection_failed`, `buyer_refused`, `order_cancelled`, `unexpected_unit`, `flagged_for_return`, `counterfeit_returned`." }),
  quarantineDecision: z.enum(["return_to_seller", "hand_to_brand", "hand_to_authorities", "keep_as_evidence"]).optional().openapi({ description: "A manager's decision on a quarantined counterfeit." }),
  handedTo: z.string().nullable().optional().openapi({ description: "Who received a quarantined unit (brand's agent, authorities)." }),
  photos: z.number().int().optional().openapi({ description: "Photos taken with a quarantine decision." }),
  // any item event
  scannedAt: at.optional().openapi({ description: "When the staff member made the scan, for an action a station kept while offline and sent later (`at` is when it was recorded)." }),
  seeded: z.boolean().optional().openapi({ description: "Made by the demo data seed (demo centers only)." }),
};
type DetailField = keyof typeof detailFields;

/** Details an item event may carry, as callers pass them (every declared field, all optional). */
export type ItemEventDetails = { [K in DetailField]?: z.input<(typeof detailFields)[K]> };

const receiving: DetailField[] = ["station", "operatorId", "parcelId", "trackingNumber", "returnToSeller", "unexpected", "reason", "note"];
const verdict: DetailField[] = [
  "inspectionId",
  "inspectorId",
  "verdict",
  "reasonCodes",
  "penaltyRate",
  "defectNote",
  "awaitingReview",
  "reviewReason",
  "awaitingBuyerDecision",
  "review",
  "originalVerdict",
  "reviewerId",
  "buyerDecision",
];
const returning: DetailField[] = ["destination", "reason", "note", "managerId", "parcelId"];
const quarantineDecision: DetailField[] = ["quarantineDecision", "reason", "handedTo", "photos"];
const shipping: DetailField[] = ["shipmentId", "carrier", "trackingNumber", "destination", "shipmentReason"];

/** Per item event action: a description and the details it carries. */
const itemEventDetails: Record<ItemAction | "reviewed" | "order_reassigned" | "missing_at_receipt", { description: string; details: DetailField[] }> = {
  receive: { description: "A unit was received and labelled.", details: receiving },
  cancel: { description: "An expected unit was cancelled by the marketplace.", details: ["reason"] },
  claim: { description: "An inspector started inspecting the unit.", details: [] },
  release_claim: {
    description: "An inspection claim was released (timed out, by a manager, or taken over by a senior with `reason` `taken_over` and a `note`); the unit waits for inspection again.",
    details: ["inspectionId", "inspectorId", "reason", "note"],
  },
  pass: { description: "The unit passed inspection.", details: verdict },
  hold: { description: "The unit is held: for a second inspector (`awaitingReview`) or for the buyer's decision (`awaitingBuyerDecision`).", details: verdict },
  fail: { description: "The unit failed inspection; `penaltyRate` is what the seller is charged.", details: verdict },
  quarantine: { description: "A confirmed counterfeit is kept apart.", details: verdict },
  release_quarantine: { description: "A quarantined unit was released for return.", details: ["managerId", "note", ...quarantineDecision] },
  keep_as_evidence: { description: "A manager keeps a quarantined counterfeit as evidence (decided again later).", details: quarantineDecision },
  hand_over: { description: "A quarantined counterfeit was handed to the brand or the authorities; it has left the center.", details: quarantineDecision },
  route_trade: { description: "A passed trade unit goes to packing for its buyer.", details: verdict },
  route_storage: { description: "A passed storage unit goes to putaway.", details: verdict },
  route_return: { description: "The unit goes to packing to return to its seller.", details: [...new Set([...verdict, ...receiving, ...returning, ...quarantineDecision])] },
  putaway: { description: "The unit was stored in a bin.", details: ["binId", "binCode", "sizeClass", "override", "suggestedBinCode"] },
  sell: { description: "A stored unit sold; it goes to picking. `storageFee` is what the seller owes for storage.", details: ["buyer", "saleId", "storageFee"] },
  withdraw: { description: "The seller asked for a stored unit back; it goes to picking. `storageFee` is what the seller owes for storage.", details: ["withdrawalId", "address", "storageFee"] },
  pick: { description: "The unit was picked from its bin.", details: ["pickListId", "pickListNumber", "binCode", "tote"] },
  pack: { description: "The unit was packed; `trackingNumber` is its parcel's.", details: shipping },
  dispatch: { description: "The unit was handed to the carrier on a manifest; `trackingNumber` is its parcel's.", details: [...shipping, "manifestId"] },
  move: { description: "A stored unit was moved to another bin (by an operator, or by a manager resolving a cycle count).", details: ["binId", "binCode", "fromBinCode", "countId", "resolution"] },
  mark_missing: { description: "A cycle count did not find the stored unit and a manager confirmed it missing.", details: ["binId", "binCode", "fromBinCode", "countId", "resolution"] },
  found: { description: "A missing unit turned up and was put back into a bin.", details: ["binId", "binCode", "fromBinCode", "countId", "resolution"] },
  reviewed: { description: "A second inspector confirmed or overturned a verdict (no state change by itself; the transitions follow).", details: verdict },
  order_reassigned: { description: "A unit recorded from an unmatched parcel was moved to the order the parcel turned out to belong to.", details: ["fromOrderExternalId", "unexpected", "parcelId", "how"] },
  missing_at_receipt: { description: "The parcel was closed without this announced unit; it stays expected.", details: ["parcelId", "trackingNumber", "station", "operatorId"] },
};

const itemBase = {
  version,
  itemId: id("The item."),
  itemCode: z.string().nullable().openapi({ description: "Its label code (null before it is received).", example: "IT7K3M9Q2XW4P" }),
  orderExternalId: z.string().nullable().openapi({ description: "The marketplace's order id.", example: "MK-2024-000123" }),
  from: state.openapi({ description: "State before." }),
  to: state.openapi({ description: "State after (equal to `from` for events without a state change)." }),
  at,
  actorKind: z.enum(actorKinds).openapi({ description: "Who caused it." }),
};

const pascal = (s: string) => s.replace(/(^|[._])([a-z])/g, (_, __, c: string) => c.toUpperCase());

function itemEvent(action: keyof typeof itemEventDetails) {
  const spec = itemEventDetails[action];
  // Typed as every declared detail; the schema itself allows only this action's ones.
  const details = Object.fromEntries([...spec.details, "scannedAt" as const, "seeded" as const].map((k) => [k, detailFields[k]])) as typeof detailFields;
  const type: `item.${ItemEventAction}` = `item.${action}`;
  return z
    .object({
      type: z.literal(type),
      payload: z.strictObject({ ...itemBase, action: z.literal(action), ...details }).openapi(`${pascal(type)}Payload`, { description: spec.description }),
    })
    .openapi({ description: spec.description });
}

// ----- events that are not about one item -----

const orderAnnounced = z
  .strictObject({
    version,
    orderExternalId: z.string(),
    orderType: z.enum(orderTypes),
    trackingNumber: z.string().nullable(),
    at,
    actorKind: z.enum(actorKinds),
    items: z.array(
      z.strictObject({ itemId: id("The item made for this unit."), lineNo: z.number().int().optional(), sku: z.string(), size: z.string(), state }),
    ),
  })
  .openapi("OrderAnnouncedPayload", { description: "An order was announced: one expected item per unit." });

const parcelLinked = z
  .strictObject({
    version,
    parcelId: id("The inbound parcel."),
    trackingNumber: z.string(),
    orderExternalId: z.string(),
    how: z.enum(["operator", "rescan", "manager"]),
    byUserId: id("Staff member who linked it."),
    station: z.string().nullable(),
    note: z.string().nullable(),
    at,
  })
  .openapi("ParcelLinkedPayload", { description: "An inbound parcel was matched to its order." });

const parcelReturnedToSender = z
  .strictObject({
    version,
    parcelId: id("The inbound parcel."),
    trackingNumber: z.string(),
    byUserId: id("Manager who decided."),
    note: z.string(),
    unitsReturned: z.number().int(),
    at,
  })
  .openapi("ParcelReturnedToSenderPayload", { description: "An unmatched parcel is sent back to its sender; units recorded from it go to packing for return." });

const sellerAddressGiven = z
  .strictObject({
    version,
    orderExternalId: z.string(),
    sellerId: z.string(),
    itemIds: z.array(id("A unit waiting to go back to the seller that can now be packed.")).openapi({ description: "Units whose return was waiting for this address." }),
    at,
    actorKind: z.enum(actorKinds),
  })
  .openapi("OrderSellerAddressGivenPayload", { description: "The marketplace gave (or changed) the seller's return address of an order; returns waiting for it can be packed." });

const otherEvents = [
  z.object({ type: z.literal("order.announced"), payload: orderAnnounced }),
  z.object({ type: z.literal("parcel.linked"), payload: parcelLinked }),
  z.object({ type: z.literal("parcel.returned_to_sender"), payload: parcelReturnedToSender }),
  z.object({ type: z.literal("order.seller_address_given"), payload: sellerAddressGiven }),
] as const;

const itemEventNames = [...itemActions, "reviewed", "order_reassigned", "missing_at_receipt"] as const;
export type ItemEventAction = (typeof itemEventNames)[number];

/** Every event: `{ type, payload }`, discriminated by `type`. */
export const outboxEventSchema = z.discriminatedUnion("type", [...otherEvents, ...itemEventNames.map(itemEvent)]);

/** An event as stored and sent (version filled in). */
export type OutboxEventBody = z.output<typeof outboxEventSchema>;
/** An event as a writer passes it (version may be left out). */
export type OutboxEventInput = z.input<typeof outboxEventSchema>;

/**
 * The catalogue with more fields around every event (the feed's id, cursor, …): one named branch per
 * event type (`ItemReceiveEvent`, …), for the OpenAPI document.
 */
export function eventsWith<Shape extends z.ZodRawShape, Out, In>(shape: Shape) {
  const branches = outboxEventSchema.options.map((o) => o.extend(shape).openapi(`${pascal(o.shape.type.value)}Event`));
  return z.discriminatedUnion("type", branches as unknown as [(typeof branches)[number], ...(typeof branches)[number][]]) as unknown as z.ZodType<Out, In>;
}
