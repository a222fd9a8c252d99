import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { englishDevice } from "./e2e/english-device";

const port = Number(process.env.E2E_PORT ?? 3100);
// Playwright cannot download its browsers here: use the system's Chromium when there is one.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

// With a PostgreSQL test server (npm test starts one), the sign-in journeys also run against an app
// served on real PostgreSQL through DATABASE_URL, not only on the embedded database.
const pgServerUrl = process.env.LEGIT_TEST_PG_URL;
const pgPort = port + 1;

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? systemChromium,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".test-output/playwright.json" }]],
  // The service worker (offline stations) is blocked except in e2e/offline.spec.ts: each new context
  // would otherwise precache the whole app, in every test.
  use: { baseURL: `http://127.0.0.1:${port}`, trace: "retain-on-failure", launchOptions, storageState: englishDevice, serviceWorkers: "block" },
  projects: [
    {
      name: "tablet",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1024, height: 768 }, hasTouch: true, launchOptions },
    },
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 }, launchOptions },
    },
    ...(pgServerUrl
      ? [
          {
            name: "postgres",
            testMatch: /login\.spec\.ts/,
            use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 }, baseURL: `http://127.0.0.1:${pgPort}`, launchOptions },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: "npx tsx scripts/e2e-server.ts",
      url: `http://127.0.0.1:${port}/login`,
      env: { PORT: String(port) },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
    ...(pgServerUrl
      ? [
          {
            command: "npx tsx scripts/e2e-server.ts",
            url: `http://127.0.0.1:${pgPort}/login`,
            env: { PORT: String(pgPort), LEGIT_E2E_PG_SERVER_URL: pgServerUrl },
            reuseExistingServer: false,
            timeout: 180_000,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
          },
        ]
      : []),
  ],
});
