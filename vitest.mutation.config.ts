import path from "node:path";
import { defineConfig } from "vitest/config";

/** The mutated modules' own unit tests, for Stryker (npm run test:mutation; the list in stryker.config.json). */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: [
      "components/scanner/wedge-decoder.test.ts",
      "lib/scan-codes/hangul-keys.test.ts",
      "lib/orders/canonical-json.test.ts",
      "lib/api/event-cursor.test.ts",
    ],
    environment: "node",
  },
});
