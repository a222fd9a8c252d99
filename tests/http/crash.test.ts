import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DbHandle } from "@/db/open-db";
import { createApiClient } from "@/lib/api/api-clients";
import { checkInvariants, formatInvariantReport } from "@/lib/invariants/check-invariants";
import { apiCall } from "@/scripts/bench/http-client";
import { createCenter } from "../helpers/fixtures";
import { storageOrder, tradeOrder } from "../integration/api-helpers";
import { startNextServer, type NextServer } from "@/scripts/next-server";
import { freshPostgres, hasBuild } from "./next-server";

/**
 * The crash test: `next start` on PostgreSQL under API load (announces and cancels from eight
 * clients at once, a feed reader paging along), SIGKILLed mid-flight, started again. Then every
 * answered write is in the database, the invariant checker finds nothing, and the events feed —
 * read across the crash with one cursor — holds every outbox row exactly once, in commit order.
 */
const ready = Boolean(inject("pgServerUrl")) && hasBuild();

describe.skipIf(!ready)("crash: SIGKILL under load, restart [postgres, next start]", () => {
  let db: DbHandle & { url: string };
  let server: NextServer | undefined;
  beforeAll(async () => {
    db = await freshPostgres();
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await db?.close();
  });

  it("loses no answered write, breaks no invariant, and the feed pages through with no gap, no duplicate, in commit order", async () => {
    const center = await createCenter(db.db);
    const { token } = await createApiClient(db.db, { name: "Crash marketplace", centerIds: [center.id] });
    server = await startNextServer(db.url);
    const first = server;

    const announced: string[] = [];
    const cancelled: string[] = [];
    // A cancel sent when the server died may have committed without its answer arriving: either state is right for it.
    const unanswered: string[] = [];
    let errors = 0;
    let loading = true;
    const worker = async (n: number) => {
      for (let i = 0; loading; i++) {
        const order = i % 2 ? storageOrder(center.code) : tradeOrder(center.code);
        try {
          const made = await apiCall(first.base, token, "POST", "/api/v1/inbound-orders", order);
          if (made.status === 201) announced.push(order.externalId);
          else if (made.status >= 500) errors++;
          if (made.status === 201 && (i + n) % 3 === 0) {
            unanswered.push(order.externalId);
            const cancel = await apiCall(first.base, token, "POST", `/api/v1/inbound-orders/${order.externalId}/cancel`);
            unanswered.splice(unanswered.indexOf(order.externalId), 1);
            if (cancel.status === 200) cancelled.push(order.externalId);
          }
        } catch {
          return; // the server is gone
        }
      }
    };

    // The feed as an integrator reads it: one cursor, kept across the crash.
    const seen: number[] = [];
    let cursor: string | null = null;
    const readPage = async (base: string) => {
      const answer = await apiCall(base, token, "GET", `/api/v1/events?limit=50${cursor ? `&after=${cursor}` : ""}`);
      if (answer.status !== 200) throw new Error(`feed: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
      const page = JSON.parse(answer.body) as { events: { id: number }[]; nextCursor: string | null; hasMore: boolean };
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
      return page;
    };
    const reader = (async () => {
      while (loading) {
        try {
          await readPage(first.base);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    const workers = Array.from({ length: 8 }, (_, n) => worker(n));
    const until = Date.now() + 20_000;
    while (announced.length < 60 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await first.stop("SIGKILL");
    loading = false;
    await Promise.all([...workers, reader]);
    expect(announced.length, "load reached the server before the kill").toBeGreaterThan(10);
    expect(errors, "no 5xx under load").toBe(0);

    server = await startNextServer(db.url);
    const second = server;
    // Every answered announce and cancel is there.
    for (const externalId of announced) {
      const read = await apiCall(second.base, token, "GET", `/api/v1/inbound-orders/${externalId}`);
      expect(read.status, externalId).toBe(200);
      const states = (JSON.parse(read.body) as { order: { items: { state: string }[] } }).order.items.map((i) => i.state);
      const allowed = cancelled.includes(externalId) ? ["cancelled"] : unanswered.includes(externalId) ? ["expected", "cancelled"] : ["expected"];
      expect(allowed.some((want) => states.every((s) => s === want)), `${externalId}: ${states}`).toBe(true);
    }
    const report = await checkInvariants(db.db);
    expect(report.breaches, formatInvariantReport(report)).toEqual([]);

    // Finish the feed with the cursor from before the crash.
    for (let pages = 0; pages < 1000; pages++) if (!(await readPage(second.base)).hasMore) break;
    const outbox = (await db.db.execute(sql`select id from outbox_events where center_id = ${center.id} order by txid, id`)) as unknown as { id: number | string }[];
    const expected = outbox.map((r) => Number(r.id));
    expect(new Set(seen).size, "no event twice").toBe(seen.length);
    expect(seen, "every event once, in commit order").toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(announced.length);
    console.log(`crash test: ${announced.length} announces and ${cancelled.length} cancels answered before the SIGKILL, all found after the restart; ${seen.length} events paged through across the crash`);
  }, 120_000);
});
