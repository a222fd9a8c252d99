/** What the verdict answer means for the item, as a message key of the inspection namespace. */
export function outcomeKey(answer: {
  verdict: string;
  itemState: string;
  needsReview?: boolean;
  reviewReason?: string | null;
  awaitingBuyerDecision: boolean;
}): string {
  if (answer.needsReview) return answer.reviewReason === "counterfeit" ? "outcome.reviewCounterfeit" : "outcome.reviewPrice";
  if (answer.awaitingBuyerDecision) return "outcome.heldForBuyer";
  if (answer.itemState === "quarantined") return "outcome.quarantined";
  if (answer.verdict.startsWith("fail_")) return "outcome.returned";
  if (answer.itemState === "awaiting_putaway") return answer.verdict === "pass_minor_defect" ? "outcome.storedWithNote" : "outcome.toPutaway";
  return "outcome.toPacking";
}
