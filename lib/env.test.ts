import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("environment", () => {
  it("gives defaults and treats blank values as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", S3_ENDPOINT: "  ", UNRELATED: "x" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.S3_ENDPOINT).toBeUndefined();
    expect(env.BCRYPT_COST).toBe(10);
  });

  it("reads valid values", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/legit", BCRYPT_COST: "4", LEGIT_RELAY_IN_PROCESS: "1" });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://u:p@db:5432/legit", BCRYPT_COST: 4, LEGIT_RELAY_IN_PROCESS: "1" });
  });

  it("stops with one message naming every wrong variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", BCRYPT_COST: "many", LEGIT_RELAY_IN_PROCESS: "yes" })).toThrow(
      /Invalid environment[\s\S]*DATABASE_URL: must be a postgres[\s\S]*LEGIT_RELAY_IN_PROCESS[\s\S]*BCRYPT_COST/,
    );
  });
});
