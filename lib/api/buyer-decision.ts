import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inspections, items } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, type Actor } from "@/lib/items/apply-transition";

export type BuyerDecision = "accept" | "refuse";

/**
 * The buyer's answer on a trade item held with a disclosed minor defect (pass_minor_defect):
 * accept ships it to the buyer, refuse sends it back to the seller. One transaction.
 */
export async function applyBuyerDecision(
  db: Db,
  actor: Actor,
  input: { itemId: string; centerId: string; decision: BuyerDecision; note?: string },
) {
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(items).where(and(eq(items.id, input.itemId), eq(items.centerId, input.centerId))).for("update");
    if (!item) throw new DomainError("not_found:item", "No such item in this center.");
    const label = item.code ?? "This item";
    const [inspection] = await tx
      .select()
      .from(inspections)
      .where(eq(inspections.itemId, item.id))
      .orderBy(desc(inspections.claimedAt))
      .limit(1);
    const awaitingBuyer =
      item.type === "trade" && item.state === "held" && inspection?.status === "done" && inspection.verdict === "pass_minor_defect";
    if (!awaitingBuyer) {
      throw new DomainError("conflict:not_awaiting_buyer", `${label} is not waiting for a buyer decision (it is ${item.state.replace(/_/g, " ")}).`);
    }
    const details = { buyerDecision: input.decision, ...(input.note ? { note: input.note } : {}) };
    const base = { itemId: item.id, actor, centerId: input.centerId, details };
    if (input.decision === "accept") {
      await applyTransition(tx, { ...base, action: "pass" });
      return applyTransition(tx, { ...base, action: "route_trade", set: { destination: "buyer" } });
    }
    await applyTransition(tx, { ...base, action: "fail" });
    return applyTransition(tx, { ...base, action: "route_return", set: { destination: "seller" } });
  });
}
