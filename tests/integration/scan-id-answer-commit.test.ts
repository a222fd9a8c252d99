import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { scanRequests } from "@/db/schema";
import { withSessionCheckedInScan } from "@/lib/auth/session-check";
import { bumpSessionVersion } from "@/lib/auth/session-version";
import { withScanId } from "@/lib/scans/with-scan-id";
import { describeEachDb } from "../helpers/databases";
import { openThroughCountingRelay } from "../helpers/counting-relay";
import { createCenter, createUser, uniq } from "../helpers/fixtures";

const userId = "00000000-0000-4000-8000-000000000002";

/**
 * withScanId stores a station write's answer as the transaction's last statement, sent with COMMIT
 * rather than awaited before it. The answer is still part of the transaction: if it cannot be
 * stored, nothing of the work stays, and the scan id is free for the retry.
 */
describeEachDb("a station write's answer is stored with its commit", (use) => {
  it("an answer the database refuses rolls the work back and leaves the scan id to a retry, which runs the work and is remembered", async () => {
    const db = use();
    const tag = uniq("answer-");
    const marker = `${tag}-work`;
    const scan = { scanId: `${tag}-scan`, userId, kind: "test" };
    let runs = 0;
    // The work writes a row; its answer holds a NUL character, which jsonb cannot store.
    const work = (answer: string) => async (tx: Parameters<Parameters<typeof withScanId>[2]>[0]) => {
      runs++;
      await tx.insert(scanRequests).values({ scanId: `${marker}-${runs}`, userId, kind: "marker" });
      return { answer };
    };
    await expect(withScanId(db, scan, work("refused\u0000"))).rejects.toThrow();
    const rows = async () =>
      (await db.select({ scanId: scanRequests.scanId }).from(scanRequests).where(inArray(scanRequests.scanId, [scan.scanId, `${marker}-1`, `${marker}-2`]))).map((r) => r.scanId).sort();
    expect(await rows()).toEqual([]);

    expect(await withScanId(db, scan, work("stored"))).toEqual({ result: { answer: "stored" }, repeated: false });
    expect(await rows()).toEqual([scan.scanId, `${marker}-2`].sort());
    expect(await withScanId(db, scan, work("not run"))).toEqual({ result: { answer: "stored" }, repeated: true });
    expect(runs).toBe(2);
    const [stored] = await db.select({ response: scanRequests.response }).from(scanRequests).where(eq(scanRequests.scanId, scan.scanId));
    expect(stored.response).toEqual({ ok: { answer: "stored" } });
  });
});

const serverUrl = inject("pgServerUrl");

describe.skipIf(!serverUrl)("a station write's round trips [postgres]", () => {
  let name: string;

  beforeAll(async () => {
    name = `legit_t_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template legit_template`);
    await admin.end();
  });

  afterAll(async () => {
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("sends BEGIN with the scan id's claim and the answer with COMMIT: three writes for a write of one statement", async () => {
    const relay = await openThroughCountingRelay(serverUrl!.replace(/\/[^/]*$/, `/${name}`));
    try {
      const { db } = relay.handle;
      const tag = uniq("trips-");
      const once = (i: number) => withScanId(db, { scanId: `${tag}-${i}`, userId, kind: "test" }, async (tx) => tx.execute(sql`select 1`).then(() => ({ i })));
      // Every connection of the pool has prepared the claim and the answer's statements.
      for (let i = 0; i < 6; i++) await once(i);
      relay.reset();
      expect(await once(6)).toEqual({ result: { i: 6 }, repeated: false });
      // [BEGIN + claim], [the work's statement], [answer + COMMIT].
      expect(relay.writes()).toBe(3);
    } finally {
      await relay.close();
    }
  });
  it("confirms the session in the scan id's claim: still three writes, and a session ended since is refused with nothing written", async () => {
    const relay = await openThroughCountingRelay(serverUrl!.replace(/\/[^/]*$/, `/${name}`));
    try {
      const { db } = relay.handle;
      const center = await createCenter(db);
      const user = await createUser(db, center.id, "operator");
      const claims = { userId: user.id, sessionVersion: user.sessionVersion, role: user.role, centerId: center.id };
      const tag = uniq("session-");
      const once = (i: number) =>
        withSessionCheckedInScan(db, claims, () =>
          withScanId(db, { scanId: `${tag}-${i}`, userId: user.id, kind: "test" }, async (tx) => tx.execute(sql`select 1`).then(() => ({ i }))),
        );
      for (let i = 0; i < 6; i++) await once(i);
      relay.reset();
      expect(await once(6)).toEqual({ result: { i: 6 }, repeated: false });
      // [BEGIN + the claim, which reads the user], [the work's statement], [answer + COMMIT]: no write for the user.
      expect(relay.writes()).toBe(3);

      // The rare path (no row claimed) reads the user once more, to tell a repeat from a refusal.
      await bumpSessionVersion(db, user.id);
      await expect(once(7)).rejects.toMatchObject({ code: "unauthorized" });
      expect(await db.select().from(scanRequests).where(eq(scanRequests.scanId, `${tag}-7`))).toEqual([]);
    } finally {
      await relay.close();
    }
  });
});
