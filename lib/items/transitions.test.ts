import { describe, expect, it } from "vitest";
import { itemStates, type ItemState } from "@/db/schema/items";
import { itemActions, planTransition, type ItemAction } from "./transitions";

// Written out by hand from DESIGN.md's item life, independent of the table under test.
// "action from>to [type]" — type limits the path to trade or storage items.
const expected = `
receive expected>received
receive cancelled>received
cancel expected>cancelled
claim received>in_inspection
release_claim in_inspection>received
pass in_inspection>passed
pass held>passed
fail in_inspection>failed
fail held>failed
hold in_inspection>held
quarantine in_inspection>quarantined
quarantine held>quarantined
release_quarantine quarantined>failed
release_quarantine kept_as_evidence>failed
keep_as_evidence quarantined>kept_as_evidence
hand_over quarantined>handed_over
hand_over kept_as_evidence>handed_over
route_trade passed>awaiting_pack trade
route_storage passed>awaiting_putaway storage
route_return failed>awaiting_pack
route_return received>awaiting_pack
putaway awaiting_putaway>stored
sell stored>awaiting_pick storage
withdraw stored>awaiting_pick storage
pick awaiting_pick>awaiting_pack
pack awaiting_pack>packed
dispatch packed>dispatched
move stored>stored storage
mark_missing stored>missing storage
found missing>stored storage
`
  .trim()
  .split("\n")
  .map((line) => {
    const [action, path, type] = line.split(" ");
    const [from, to] = path.split(">");
    return { action: action as ItemAction, from: from as ItemState, to: to as ItemState, type };
  });

describe("item state machine", () => {
  for (const state of itemStates) {
    for (const action of itemActions) {
      for (const type of ["trade", "storage"] as const) {
        const rule = expected.find((r) => r.action === action && r.from === state);
        const allowed = rule && (!rule.type || rule.type === type);
        it(`${action} from ${state} (${type}) ${allowed ? `moves to ${rule.to}` : "is refused"}`, () => {
          const plan = planTransition({ state, type, label: "IT0000000000X" }, action);
          if (allowed) {
            expect(plan).toMatchObject({ ok: true, rule: { to: rule.to } });
          } else {
            expect(plan.ok).toBe(false);
            if (!plan.ok) {
              expect(plan.message).toContain("IT0000000000X");
              expect(plan.message).toMatch(/cannot/);
              expect(plan.code).toBe(rule ? "conflict:item_type" : "conflict:item_state");
            }
          }
        });
      }
    }
  }

  it("has no terminal state that can move, except a cancelled unit arriving after all", () => {
    expect(planTransition({ state: "dispatched", type: "trade" }, "pack").ok).toBe(false);
    expect(planTransition({ state: "cancelled", type: "trade" }, "receive").ok).toBe(true);
  });
});
