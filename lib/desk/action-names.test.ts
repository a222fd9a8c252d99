import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordedActions } from "@/lib/items/apply-transition";
import { itemActions } from "@/lib/items/transitions";

const read = (locale: string) => JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, "desk.json"), "utf8")) as { actions: Record<string, string> };

/** Every action an item's audit trail can hold: announced, each transition, each recorded-only action. */
const auditActions = ["announce", "reviewed", ...itemActions, ...recordedActions];

describe("names of audit actions on the desk (timeline, recent activity)", () => {
  it.each(["en", "ko"])("every action has a %s name", (locale) => {
    const names = read(locale).actions;
    expect(auditActions.filter((a) => !names[a])).toEqual([]);
  });
});
