import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { openDb } from "@/db/open-db";
import { centers } from "@/db/schema";
import { seedDemoIfEmpty } from "@/db/seed/seed-demo";

const serverUrl = inject("pgServerUrl");

describe.skipIf(!serverUrl)("several instances starting at once [postgres]", () => {
  it("migrate and seed an empty database exactly once, with no error on either", async () => {
    const name = `legit_start_${randomBytes(5).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
    try {
      // Two instances: each migrates (under the advisory lock) and then seeds if empty.
      const start = async () => {
        const handle = await openDb({ url, max: 3 });
        try {
          return await seedDemoIfEmpty(handle.db);
        } finally {
          await handle.close();
        }
      };
      const outcomes = await Promise.all([start(), start(), start()]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const check = await openDb({ url, migrate: false, max: 1 });
      const [row] = await check.db.select({ n: count() }).from(centers);
      expect(Number(row.n)).toBe(2);
      await check.close();
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});
