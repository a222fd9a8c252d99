import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { hasPostgresBinaries, startCluster, type Cluster } from "./pg-cluster";

/**
 * `npm test`: type check, lint (ESLint) and unused code (knip), unit and integration tests (PGlite and a throwaway PostgreSQL cluster),
 * production build, the HTTP tier against `next start` (access matrix, hostile input, crash), Playwright end-to-end tests. Ends with one line: "N passed, N failed".
 */
type Tally = { passed: number; failed: number; skipped: number };
const outDir = path.join(process.cwd(), ".test-output");

function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  return result.status === 0;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

function vitestTally(file = "vitest.json"): Tally | null {
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(
    path.join(outDir, file),
  );
  if (!report) return null;
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightTally(): Tally | null {
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
    path.join(outDir, "playwright.json"),
  );
  if (!report) return null;
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

async function main() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const steps: { name: string; ok: boolean }[] = [];

  steps.push({ name: "typecheck", ok: run("Type check", "npx", ["tsc", "--noEmit", "-p", "."]) });
  steps.push({ name: "lint", ok: run("Lint (ESLint, zero findings)", "npm", ["run", "--silent", "lint:code"]) });
  steps.push({ name: "unused code", ok: run("Unused files, exports and dependencies (knip, zero findings)", "npm", ["run", "--silent", "lint:unused"]) });

  let cluster: Cluster | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, BCRYPT_COST: process.env.BCRYPT_COST ?? "4" };
  if (hasPostgresBinaries()) {
    cluster = await startCluster();
    env.LEGIT_TEST_PG_URL = cluster.url();
    console.log(`PostgreSQL test cluster on ${cluster.url()}`);
  } else if (process.env.CI) {
    console.error("PostgreSQL binaries (initdb, pg_ctl) are missing: CI must test against a real PostgreSQL.");
    process.exit(1);
  } else {
    console.warn("\n!!!!!!!! PostgreSQL binaries not found: real-PostgreSQL tests are SKIPPED (PGlite only) !!!!!!!!\n");
  }

  try {
    steps.push({
      name: "unit + integration",
      ok: run("Unit and integration tests (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(outDir, "vitest.json")}`], env),
    });
    const built = run("Production build", "npx", ["next", "build"]);
    steps.push({ name: "build", ok: built });
    if (built) {
      steps.push({
        name: "http",
        ok: run(
          "Access matrix, hostile input and crash test over HTTP (next start on PostgreSQL)",
          "npx",
          ["vitest", "run", "--config", "vitest.http.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(outDir, "vitest-http.json")}`],
          env,
        ),
      });
    }
    if (built) steps.push({ name: "e2e", ok: run("End-to-end tests (Playwright, Chromium)", "npx", ["playwright", "test"], { ...env, CI: process.env.CI ?? "" }) });
  } finally {
    cluster?.stop();
  }

  const tallies = [vitestTally(), vitestTally("vitest-http.json"), playwrightTally()].filter((t): t is Tally => t !== null);
  const total = tallies.reduce((a, t) => ({ passed: a.passed + t.passed, failed: a.failed + t.failed, skipped: a.skipped + t.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
  const brokenSteps = steps.filter((s) => !s.ok).map((s) => s.name);
  // A step that failed without a failing test (type errors, lint, build, crash) still counts as a failure.
  const testSteps = ["unit + integration", "http", "e2e"];
  const stepFailures = brokenSteps.filter((s) => !testSteps.includes(s)).length;
  const testCrash = total.failed === 0 && brokenSteps.some((s) => testSteps.includes(s)) ? 1 : 0;
  const failed = total.failed + stepFailures + testCrash;
  if (brokenSteps.length) console.log(`\nFailed steps: ${brokenSteps.join(", ")}`);
  console.log(`\n${total.passed} passed, ${failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
