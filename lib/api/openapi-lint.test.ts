import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

/**
 * The published document passes Redocly's standard ("recommended") rules with no error and no
 * warning, as an integrator's tooling would check it. A finding prints its rule and location.
 */
describe("OpenAPI document under Redocly's recommended rules", () => {
  it("has no errors and no warnings", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const source = JSON.stringify(buildOpenApiDocument({ serverUrl: "https://legit.example/api/v1" }), null, 2);
    const problems = await lintFromString({ source, absoluteRef: "openapi.json", config });
    const findings = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(", ")}`);
    expect(findings).toEqual([]);
  });
});
