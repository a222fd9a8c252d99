import type { ItemState } from "@/db/schema/items";
import type { OrderType } from "@/db/schema/orders";

/** Everything that can happen to an item, as the transition table of DESIGN.md. */
export const itemActions = [
  "receive",
  "cancel",
  "claim",
  "release_claim",
  "pass",
  "hold",
  "fail",
  "quarantine",
  "release_quarantine",
  "route_trade",
  "route_storage",
  "route_return",
  "putaway",
  "sell",
  "withdraw",
  "pick",
  "pack",
  "dispatch",
  "move",
  "mark_missing",
  "found",
  "hand_over",
  "keep_as_evidence",
] as const;
export type ItemAction = (typeof itemActions)[number];

export type TransitionRule = {
  action: ItemAction;
  from: ItemState;
  to: ItemState;
  /** Only items of these order types may take this path. */
  types?: OrderType[];
};

export const transitionTable: readonly TransitionRule[] = [
  { action: "receive", from: "expected", to: "received" },
  // A cancelled item that still arrives is received and then returned to its seller.
  { action: "receive", from: "cancelled", to: "received" },
  { action: "cancel", from: "expected", to: "cancelled" },
  { action: "claim", from: "received", to: "in_inspection" },
  { action: "release_claim", from: "in_inspection", to: "received" },
  { action: "pass", from: "in_inspection", to: "passed" },
  { action: "fail", from: "in_inspection", to: "failed" },
  { action: "hold", from: "in_inspection", to: "held" },
  { action: "quarantine", from: "in_inspection", to: "quarantined" },
  // Held for a senior review or for the buyer's decision.
  { action: "pass", from: "held", to: "passed" },
  { action: "fail", from: "held", to: "failed" },
  { action: "quarantine", from: "held", to: "quarantined" },
  // A counterfeit is kept apart until a manager releases it for return.
  { action: "release_quarantine", from: "quarantined", to: "failed" },
  { action: "release_quarantine", from: "kept_as_evidence", to: "failed" },
  { action: "keep_as_evidence", from: "quarantined", to: "kept_as_evidence" },
  { action: "hand_over", from: "quarantined", to: "handed_over" },
  { action: "hand_over", from: "kept_as_evidence", to: "handed_over" },
  { action: "route_trade", from: "passed", to: "awaiting_pack", types: ["trade"] },
  { action: "route_storage", from: "passed", to: "awaiting_putaway", types: ["storage"] },
  { action: "route_return", from: "failed", to: "awaiting_pack" },
  // Received items flagged for return (cancelled order, unexpected unit) skip inspection.
  { action: "route_return", from: "received", to: "awaiting_pack" },
  { action: "putaway", from: "awaiting_putaway", to: "stored" },
  { action: "sell", from: "stored", to: "awaiting_pick", types: ["storage"] },
  { action: "withdraw", from: "stored", to: "awaiting_pick", types: ["storage"] },
  { action: "pick", from: "awaiting_pick", to: "awaiting_pack" },
  { action: "pack", from: "awaiting_pack", to: "packed" },
  { action: "dispatch", from: "packed", to: "dispatched" },
  // Storage: a move between bins, a count that finds a stored item gone, and one that turns up again.
  { action: "move", from: "stored", to: "stored", types: ["storage"] },
  { action: "mark_missing", from: "stored", to: "missing", types: ["storage"] },
  { action: "found", from: "missing", to: "stored", types: ["storage"] },
];

export type TransitionPlan =
  | { ok: true; rule: TransitionRule }
  | { ok: false; code: "conflict:item_state" | "conflict:item_type"; message: string; params: TransitionRefusalParams };

/** What a screen needs to say the refusal in the user's language (state/action/type are codes). */
export type TransitionRefusalParams = { item: string; state: ItemState; action: ItemAction; type: OrderType };

const actionVerbs: Record<ItemAction, string> = {
  receive: "receive",
  cancel: "cancel",
  claim: "claim for inspection",
  release_claim: "release the inspection claim of",
  pass: "pass",
  hold: "hold",
  fail: "fail",
  quarantine: "quarantine",
  release_quarantine: "release from quarantine",
  route_trade: "route to packing",
  route_storage: "route to putaway",
  route_return: "route for return to the seller",
  putaway: "put away",
  sell: "mark as sold",
  withdraw: "withdraw",
  pick: "pick",
  pack: "pack",
  dispatch: "dispatch",
  move: "move",
  mark_missing: "mark as missing",
  found: "put back into a bin",
  hand_over: "hand over",
  keep_as_evidence: "keep as evidence",
};

/** Decides, without touching the database, whether `action` may happen to an item in `state`. */
export function planTransition(item: { state: ItemState; type: OrderType; label?: string }, action: ItemAction): TransitionPlan {
  const name = item.label ?? "This item";
  const params: TransitionRefusalParams = { item: item.label ?? "—", state: item.state, action, type: item.type };
  const rule = transitionTable.find((r) => r.action === action && r.from === item.state);
  if (!rule) {
    const allowedFrom = transitionTable.filter((r) => r.action === action).map((r) => r.from);
    return {
      ok: false,
      code: "conflict:item_state",
      message: `${name} is ${item.state.replace(/_/g, " ")}; cannot ${actionVerbs[action]} it (only from ${allowedFrom.join(" or ").replace(/_/g, " ")}).`,
      params,
    };
  }
  if (rule.types && !rule.types.includes(item.type)) {
    return {
      ok: false,
      code: "conflict:item_type",
      message: `${name} is a ${item.type} item; cannot ${actionVerbs[action]} it.`,
      params,
    };
  }
  return { ok: true, rule };
}
