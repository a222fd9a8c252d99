import { defineConfig } from "vitest/config";
import { alias, withDatabase } from "./vitest.shared";

/**
 * The HTTP tier (`npm test` runs it after `next build`): the access matrix, hostile input and the
 * crash test against the production server (`next start`) on real PostgreSQL. One file at a time:
 * each starts its own server.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    name: "http",
    include: ["tests/http/**/*.test.ts"],
    ...withDatabase,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
