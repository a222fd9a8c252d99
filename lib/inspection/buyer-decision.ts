import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { inspections, itemEvents, type Destination, type ItemState } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { lockItemRowById, type Actor } from "@/lib/items/apply-transition";
import { applyItemSteps } from "./apply-verdict";
import { parseInput } from "./guards";
import type { ItemStep } from "./verdict-rules";

export const buyerDecisionSchema = z.object({ decision: z.enum(["accept", "refuse"]) });
export type BuyerDecision = z.infer<typeof buyerDecisionSchema>["decision"];

export type BuyerDecisionResult = {
  itemId: string;
  itemCode: string | null;
  decision: BuyerDecision;
  state: ItemState;
  destination: Destination | null;
  /** The same decision had already been applied; nothing changed this time. */
  repeated: boolean;
};

const steps: Record<BuyerDecision, ItemStep[]> = {
  accept: [{ action: "pass" }, { action: "route_trade", destination: "buyer" }],
  refuse: [{ action: "fail", destination: "seller" }, { action: "route_return", destination: "seller" }],
};

/**
 * The marketplace reports the buyer's answer on a trade item that passed with a disclosed minor
 * defect. Accept: it goes to packing for the buyer. Refuse: it goes back to the seller, with
 * penalty rate 0, because the item was within tolerance and the seller is not at fault.
 * Sending the same decision again answers the same; a different one afterwards is refused.
 */
export async function applyBuyerDecision(
  db: Db,
  actor: Actor,
  input: { itemId: string; centerId: string; decision: BuyerDecision },
): Promise<BuyerDecisionResult> {
  const { decision } = parseInput(buyerDecisionSchema, { decision: input.decision });
  if (!z.uuid().safeParse(input.itemId).success) throw new DomainError("not_found:item", "No such item.");
  return db.transaction(async (tx) => {
    const locked = await lockItemRowById(tx, input.itemId, input.centerId);
    if (!locked) throw new DomainError("not_found:item", "No such item.");
    const item = locked.item;
    const label = item.code ?? "The item";
    const answer = (state: ItemState, destination: Destination | null, repeated: boolean): BuyerDecisionResult => ({
      itemId: item.id,
      itemCode: item.code,
      decision,
      state,
      destination,
      repeated,
    });

    if (item.state !== "held") {
      const [earlier] = await tx
        .select({ decision: sql<string>`${itemEvents.details}->>'buyerDecision'` })
        .from(itemEvents)
        .where(and(eq(itemEvents.itemId, item.id), isNotNull(sql`${itemEvents.details}->>'buyerDecision'`)))
        .orderBy(desc(itemEvents.id))
        .limit(1);
      if (earlier?.decision === decision) return answer(item.state, item.destination, true);
      if (earlier) throw new DomainError("conflict:buyer_decided", `The buyer already ${earlier.decision}ed ${label}.`, { item: item.code ?? "—", state: item.state });
      throw new DomainError("conflict:not_awaiting_buyer", `${label} is ${item.state.replace(/_/g, " ")}; it is not waiting for a buyer's decision.`, {
        item: item.code ?? "—",
        state: item.state,
      });
    }

    const [inspection] = await tx
      .select()
      .from(inspections)
      .where(and(eq(inspections.itemId, item.id), inArray(inspections.status, ["awaiting_review", "done"])))
      .orderBy(desc(inspections.submittedAt))
      .limit(1);
    const standing = inspection?.reviewVerdict ?? inspection?.verdict;
    if (!inspection || inspection.status !== "done" || standing !== "pass_minor_defect" || item.type !== "trade") {
      const why = inspection?.status === "awaiting_review" ? "its verdict is waiting for a second inspector" : "it is not a disclosed-defect pass";
      throw new DomainError("conflict:not_awaiting_buyer", `${label} is held, but ${why}; no buyer decision is expected.`, { item: item.code ?? "—", state: item.state });
    }

    const details: Record<string, unknown> = { buyerDecision: decision, inspectionId: inspection.id, verdict: standing, defectNote: item.defectNote };
    if (decision === "refuse") details.penaltyRate = 0;
    // The item as locked above, unchanged since: the first step does not read it again.
    const moved = await applyItemSteps(tx, { item, steps: steps[decision], actor, details, defectNote: item.defectNote, locked });
    return answer(moved.state, moved.destination, false);
  });
}
