import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { embeddedDataDir, openDb } from "@/db/open-db";
import { seedDemoIfEmpty } from "@/db/seed/seed-demo";
import { photoSharingWarning } from "@/lib/photos/photo-sharing";
import { serveNext } from "./serve-next";

/**
 * `npm start`: migrate (and seed an empty embedded database with the demo), build when the sources changed,
 * then serve on PORT (3000). Uses DATABASE_URL when set, otherwise the embedded PGlite in .data/.
 */
const root = process.cwd();
const port = process.env.PORT ?? "3000";

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  const stamp = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return ["app", "components", "lib", "db", "messages"].some((d) => newestSourceTime(path.join(root, d)) > built);
}

/** A demo needs no configuration: make a session secret once and keep it beside the embedded data. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written whole to a file of its own, then linked into place (which fails if another got there
    // first): of instances starting at once, the first secret is everyone's and none reads a
    // half-written one (otherwise each kept its own and a session from one was refused by the other).
    const mine = `${file}.${process.pid}`;
    writeFileSync(mine, randomBytes(32).toString("base64url"), { mode: 0o600 });
    try {
      linkSync(mine, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(mine);
    }
  }
  return readFileSync(file, "utf8").trim();
}

async function prepareDatabase() {
  const url = process.env.DATABASE_URL;
  const handle = await openDb(url ? { url } : { dataDir: embeddedDataDir() });
  try {
    // The demo (with its well-known API tokens and PINs) goes only into the embedded demo database,
    // or into PostgreSQL when asked for explicitly with LEGIT_SEED=demo.
    const seed = process.env.LEGIT_SEED ?? (url ? "0" : "demo");
    if ((seed === "demo" || seed === "1") && (await seedDemoIfEmpty(handle.db, console.log))) console.log("Empty database: loaded the demo data.");
  } finally {
    await handle.close();
  }
  console.log(url ? "Database: PostgreSQL (DATABASE_URL)" : `Database: embedded PGlite in ${embeddedDataDir()}`);
  const { DATABASE_URL, S3_BUCKET, PHOTO_DIR } = process.env;
  const warning = photoSharingWarning({ DATABASE_URL, S3_BUCKET, PHOTO_DIR });
  if (warning) console.warn(`WARNING: ${warning}`);
}

/**
 * Builds when the sources changed, one start at a time: of several instances started at once on
 * one machine, one builds (holding .data/build.lock) and the others wait, then find the build current
 * (two `next build` into one .next break each other). A lock older than 30 minutes is a dead start's.
 */
async function buildIfNeeded() {
  const lock = path.join(root, ".data", "build.lock");
  let told = false;
  while (needsBuild()) {
    mkdirSync(path.dirname(lock), { recursive: true });
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() - statSync(lock).mtimeMs > 30 * 60_000) rmSync(lock, { recursive: true, force: true });
      else if (!told) {
        console.log("Another start is building the app; waiting for it…");
        told = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    try {
      if (!needsBuild()) break;
      console.log("Building the app (first start or sources changed)…");
      const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
      if (build.status !== 0) process.exit(build.status ?? 1);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

async function main() {
  await prepareDatabase();
  await buildIfNeeded();
  console.log(`Legit on http://localhost:${port}`);
  serveNext(port, { ...process.env, AUTH_SECRET: authSecret() });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
