import { describe, expect, it } from "vitest";
import { itemActions, planTransition, transitionTable } from "./transitions";

/** What a station is told when an item cannot take an action: the item, its state, what was tried and from where it could. */
describe("transition refusals", () => {
  it("an action from a state it does not leave names the item, its state, the attempt and the states it needs", () => {
    expect(planTransition({ state: "stored", type: "trade", label: "LGT-1" }, "claim")).toEqual({
      ok: false,
      code: "conflict:item_state",
      message: "LGT-1 is stored; cannot claim for inspection it (only from received).",
      params: { item: "LGT-1", state: "stored", action: "claim", type: "trade" },
    });
    expect(planTransition({ state: "awaiting_putaway", type: "trade" }, "route_return")).toEqual({
      ok: false,
      code: "conflict:item_state",
      message: "This item is awaiting putaway; cannot route for return to the seller it (only from failed or received).",
      params: { item: "—", state: "awaiting_putaway", action: "route_return", type: "trade" },
    });
  });

  it("an action of the other order type says so", () => {
    expect(planTransition({ state: "stored", type: "trade", label: "LGT-2" }, "sell")).toEqual({
      ok: false,
      code: "conflict:item_type",
      message: "LGT-2 is a trade item; cannot mark as sold it.",
      params: { item: "LGT-2", state: "stored", action: "sell", type: "trade" },
    });
  });

  it("every action has its own words in the refusal, and lists exactly the states it leaves", () => {
    const verbs = new Set<string>();
    for (const action of itemActions) {
      const from = [...new Set(transitionTable.filter((r) => r.action === action).map((r) => r.from))];
      const plan = planTransition({ state: "handed_over", type: "storage", label: "X" }, action);
      if (plan.ok) continue;
      const [, verb, only] = plan.message.match(/cannot (.+) it \(only from (.+)\)\.$/) ?? [];
      expect(verb, action).toBeTruthy();
      verbs.add(verb);
      expect(only.split(" or "), action).toEqual(from.map((s) => s.replace(/_/g, " ")));
    }
    expect(verbs.size).toBe(itemActions.length);
  });
});
