import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The HTTP tier (`npm test` runs it after `next build`): the access matrix, hostile input and the
 * crash test against the production server (`next start`) on real PostgreSQL. One file at a time:
 * each starts its own server.
 */
const alias = {
  "@": path.resolve(__dirname),
  "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js"),
  "next/server": "next/server.js",
};

export default defineConfig({
  resolve: { alias },
  test: {
    name: "http",
    include: ["tests/http/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    server: { deps: { inline: ["next-auth"] } },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
