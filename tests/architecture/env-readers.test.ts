import { describe, expect, it } from "vitest";
import { read, sourceFiles } from "./source-files";

/** App code: everything the Next server runs. Scripts, tests and tool configs may read the environment. */
const appCode = () => [...sourceFiles(["app", "lib", "db", "components"]), "auth.ts", "auth.config.ts", "instrumentation.ts"].filter((f) => !f.endsWith(".test.ts"));

describe("process.env", () => {
  it("is read only by lib/env.ts in app code", () => {
    const offenders = appCode()
      .filter((f) => f !== "lib/env.ts")
      // Next inlines NEXT_RUNTIME at build time to keep Node-only imports out of the edge bundle.
      .filter((f) => /process\.env(?!\.NEXT_RUNTIME\b)/.test(read(f)));
    expect(offenders, "Read configuration through `env` from lib/env.ts (declare new variables in its zod schema).").toEqual([]);
  });
});
