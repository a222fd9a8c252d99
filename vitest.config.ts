import { defineConfig } from "vitest/config";
import { alias, withDatabase } from "./vitest.shared";

export default defineConfig({
  resolve: { alias },
  test: {
    // Two cores: more parallel files mostly contend.
    poolOptions: { forks: { maxForks: 2 } },
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "tests/architecture/**/*.test.ts"], environment: "node", testTimeout: 20_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          ...withDatabase,
          // The webhook tests post to a receiver on 127.0.0.1, which production refuses.
          env: { LEGIT_WEBHOOK_ALLOW_PRIVATE: "1" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
