import path from "node:path";
import { defineConfig } from "vitest/config";

/** Only the scanner decoder's and the Hangul key map's own tests, for Stryker (npm run test:mutation). */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["components/scanner/wedge-decoder.test.ts", "lib/scan-codes/hangul-keys.test.ts"],
    environment: "node",
  },
});
