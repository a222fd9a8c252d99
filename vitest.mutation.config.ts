import { readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

/** The mutated modules' own unit tests (`x.ts` → `x*.test.ts`), for Stryker (npm run test:mutation; the list in stryker.config.json). */
const mutated: string[] = JSON.parse(readFileSync(path.join(__dirname, "stryker.config.json"), "utf8")).mutate;
const tests = mutated.map((file) => file.replace(/\.ts$/, "*.test.ts"));

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: { include: tests, environment: "node", testTimeout: 20_000 },
});
