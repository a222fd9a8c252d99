import type { ShipmentReason } from "@/db/schema/dispatch";
import enInspection from "@/messages/en/inspection.json";
import koInspection from "@/messages/ko/inspection.json";

/** Printed slips are bilingual (Korean first): the people who open the box read either. */
export const reasonText: Record<ShipmentReason, string> = {
  trade_passed: "검수 합격 · Passed inspection",
  storage_sold: "보관 상품 판매 · Sold from storage",
  withdrawn: "판매자 회수 요청 · Withdrawn by the seller",
  inspection_failed: "검수 불합격 반송 · Returned: failed inspection",
  buyer_refused: "구매자 거절 반송 · Returned: the buyer declined the disclosed defect",
  order_cancelled: "주문 취소 반송 · Returned: the order was cancelled",
  unexpected_unit: "미등록 상품 반송 · Returned: not announced with the order",
  flagged_for_return: "반송 · Returned to the seller",
  counterfeit_returned: "가품 반송 · Returned: counterfeit",
};

export function verdictText(verdict: string): string {
  const ko = (koInspection.verdicts as Record<string, string>)[verdict];
  const en = (enInspection.verdicts as Record<string, string>)[verdict];
  return ko && en ? `${ko} · ${en}` : verdict;
}
