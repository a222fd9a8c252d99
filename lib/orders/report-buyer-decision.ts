import type { Db } from "@/db/client";
import { applyBuyerDecision } from "@/lib/inspection/buyer-decision";
import type { ApiCaller } from "@/lib/api/api-clients";
import { findCallerItem, loadItemView } from "@/lib/api/item-view";
import type { BuyerDecisionRequest, ItemResponse } from "@/lib/api/schemas";

/**
 * The buyer accepted or refused a held item with a disclosed defect. Repeating the same decision
 * (a retry after a lost answer) answers the item as it is now; the other decision afterwards is a
 * 409 — both handled by the inspection domain's applyBuyerDecision.
 */
export async function reportBuyerDecision(db: Db, caller: ApiCaller, itemRef: string, request: BuyerDecisionRequest): Promise<ItemResponse> {
  const item = await findCallerItem(db, caller, itemRef);
  await applyBuyerDecision(db, { apiClientId: caller.id }, { itemId: item.id, centerId: item.centerId, decision: request.decision });
  return { item: await loadItemView(db, item.id) };
}
