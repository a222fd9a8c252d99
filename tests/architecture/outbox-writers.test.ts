import { describe, expect, it } from "vitest";
import { read, sourceFiles } from "./source-files";

const appender = "lib/events/append-outbox-event.ts";
/** The benchmark writes raw SQL on purpose: bulk history, and the same statements as Legit for comparison. */
const exempt = (f: string) => f.startsWith("scripts/bench/");
const writes = [/\.insert\(\s*outboxEvents\s*\)/, /insert\s+into\s+"?outbox_events/i, /update\(\s*outboxEvents\s*\)|delete\(\s*outboxEvents\s*\)/];

describe("outbox_events", () => {
  it(`is written only by ${appender}`, () => {
    // Tests may write odd rows on purpose (feed ordering); app code, seed and scripts may not.
    const offenders = sourceFiles(["app", "lib", "db", "scripts", "components"])
      .filter((f) => f !== appender && !f.endsWith(".test.ts") && !exempt(f))
      .filter((f) => writes.some((re) => re.test(read(f))));
    expect(
      offenders,
      `These files write outbox_events directly. Declare the event in lib/events/catalogue.ts and call appendOutboxEvent / appendItemEvent (or applyTransition) instead.`,
    ).toEqual([]);
  });

  it("the appender still writes it (so the check above looks at the right thing)", () => {
    expect(writes[0].test(read(appender))).toBe(true);
  });
});
