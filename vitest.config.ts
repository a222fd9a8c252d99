import path from "node:path";
import { defineConfig } from "vitest/config";

// `server-only` throws outside React Server Components; tests import server modules on purpose.
// Station route handlers import Auth.js, whose ESM imports "next/server" without an extension.
const alias = {
  "@": path.resolve(__dirname),
  "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js"),
  "next/server": "next/server.js",
};

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
          globalSetup: ["tests/helpers/global-setup.ts"],
          // Station route handlers import Auth.js, whose ESM imports "next/server" without an extension.
          server: { deps: { inline: ["next-auth"] } },
          // The webhook tests post to a receiver on 127.0.0.1, which production refuses.
          env: { LEGIT_WEBHOOK_ALLOW_PRIVATE: "1" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
