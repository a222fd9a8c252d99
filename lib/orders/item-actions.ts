import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { itemEvents } from "@/db/schema";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import { applyTransition } from "@/lib/items/apply-transition";
import type { ItemAction } from "@/lib/items/transitions";
import { storageFeeOnLeaving } from "@/lib/storage/storage-fees";
import type { ApiCaller } from "@/lib/api/api-clients";
import { canonicalJson } from "./canonical-json";
import { findCallerItem, loadItemView } from "@/lib/api/item-view";
import type { ItemResponse, SaleRequest, WithdrawalRequest } from "@/lib/api/schemas";

/** A stored item has sold: it gets its buyer and goes to picking. */
export async function reportSale(db: Db, caller: ApiCaller, itemRef: string, request: SaleRequest): Promise<ItemResponse> {
  const details = { buyer: request.buyer, ...(request.saleId ? { saleId: request.saleId } : {}) };
  return leaveStorage(db, caller, itemRef, "sell", details, { saleBuyer: request.buyer, destination: "buyer" });
}

/** The seller wants a stored item back: it goes to picking, then back to the seller. */
export async function reportWithdrawal(db: Db, caller: ApiCaller, itemRef: string, request: WithdrawalRequest): Promise<ItemResponse> {
  const details = { ...(request.withdrawalId ? { withdrawalId: request.withdrawalId } : {}), ...(request.address ? { address: request.address } : {}) };
  return leaveStorage(db, caller, itemRef, "withdraw", details, { destination: "seller" });
}

/** A stored item leaves storage at the marketplace's word (sold, withdrawn), its storage fee in the event. */
function leaveStorage(
  db: Db,
  caller: ApiCaller,
  itemRef: string,
  action: "sell" | "withdraw",
  details: Record<string, unknown>,
  set: Parameters<typeof applyTransition>[1]["set"],
): Promise<ItemResponse> {
  return marketplaceAction(db, caller, itemRef, action, details, async (tx, itemId, centerId) =>
    applyTransition(tx, { itemId, action, actor: { apiClientId: caller.id }, centerId, set, details: { ...details, ...(await feeDetails(tx, itemId)) } }),
  );
}

/** The storage fee owed as the item leaves storage, carried in the event for the marketplace to charge. */
async function feeDetails(tx: Tx, itemId: string): Promise<{ storageFee?: NonNullable<Awaited<ReturnType<typeof storageFeeOnLeaving>>> }> {
  const fee = await storageFeeOnLeaving(tx, itemId);
  return fee ? { storageFee: fee } : {};
}

/**
 * Runs one marketplace-reported change. A retry of a call that already took effect (lost answer)
 * is answered with the item as it is now instead of a conflict: the item's last `action` event
 * carries exactly the same details. A different request for an item that already moved is a 409.
 */
export async function marketplaceAction(
  db: Db,
  caller: ApiCaller,
  itemRef: string,
  action: ItemAction,
  details: Record<string, unknown>,
  change: (tx: Tx, itemId: string, centerId: string) => Promise<unknown>,
): Promise<ItemResponse> {
  const item = await findCallerItem(db, caller, itemRef);
  try {
    await db.transaction((tx) => change(tx, item.id, item.centerId));
  } catch (error) {
    if (!isDomainError(error) || error.kind !== "conflict") throw error;
    const previous = await lastEventDetails(db, item.id, action);
    if (previous === null) throw error;
    // The fee is computed by us at the time of the change, not part of what the marketplace sent.
    delete previous.storageFee;
    if (canonicalJson(previous) !== canonicalJson(details)) {
      throw new DomainError("conflict:already_reported", `${item.code ?? "This item"} was already reported (${action}) with other details.`);
    }
  }
  return { item: await loadItemView(db, item.id) };
}

async function lastEventDetails(db: Db, itemId: string, action: ItemAction): Promise<Record<string, unknown> | null> {
  const [event] = await db
    .select({ details: itemEvents.details })
    .from(itemEvents)
    .where(and(eq(itemEvents.itemId, itemId), eq(itemEvents.action, action)))
    .orderBy(desc(itemEvents.id))
    .limit(1);
  return event?.details ?? null;
}
