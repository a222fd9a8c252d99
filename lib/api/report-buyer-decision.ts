import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { itemEvents } from "@/db/schema";
import { isDomainError } from "@/lib/errors/domain-error";
import type { ApiCaller } from "./api-clients";
import { applyBuyerDecision } from "./buyer-decision";
import { findCallerItem, loadItemView } from "./item-view";
import type { BuyerDecisionRequest, ItemResponse } from "./schemas";

/**
 * The buyer accepted or refused a held item with a disclosed defect. Repeating the same decision
 * (a retry after a lost answer) answers the item as it is now; the other decision afterwards is a 409.
 */
export async function reportBuyerDecision(db: Db, caller: ApiCaller, itemRef: string, request: BuyerDecisionRequest): Promise<ItemResponse> {
  const item = await findCallerItem(db, caller, itemRef);
  try {
    await applyBuyerDecision(db, { apiClientId: caller.id }, { itemId: item.id, centerId: item.centerId, decision: request.decision, note: request.note });
  } catch (error) {
    if (!isDomainError(error) || error.kind !== "conflict") throw error;
    if ((await previousDecision(db, item.id)) !== request.decision) throw error;
  }
  return { item: await loadItemView(db, item.id) };
}

async function previousDecision(db: Db, itemId: string): Promise<string | null> {
  const events = await db
    .select({ details: itemEvents.details })
    .from(itemEvents)
    .where(and(eq(itemEvents.itemId, itemId), inArray(itemEvents.action, ["pass", "fail"])))
    .orderBy(desc(itemEvents.id))
    .limit(1);
  const decision = events[0]?.details.buyerDecision ?? events[0]?.details.decision;
  return typeof decision === "string" ? decision : null;
}
