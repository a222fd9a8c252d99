import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiClients, webhookDeliveries, webhookRelayPositions, type ApiClient } from "@/db/schema";
import type { EventPosition } from "./event-cursor";
import { listEvents } from "./list-events";
import { checkWebhookTarget } from "./webhook-target";
import type { WebhookBatch } from "./schemas";
import { deliveryHeader, signatureHeader, signWebhookBody, timestampHeader } from "./webhook-signature";

export type RelayOptions = {
  /** The relay's clock: leases and back-off are measured against it (tests move it forward). */
  now: Date;
  fetchImpl?: typeof fetch;
  /** Who holds a lease; unique per relay process. */
  owner?: string;
  batchSize?: number;
  /** Batches per client per call, so one busy client does not starve the others. */
  maxBatchesPerClient?: number;
  /** Per request; must stay well below the lease. */
  timeoutMs?: number;
  /** How long a relay holds a client between renewals (renewed before every batch); a dead relay's lease runs out this soon. */
  leaseMs?: number;
};

/** A relay that dies holding a client's lease delays that client's deliveries by at most this. */
export const defaultLeaseMs = 15_000;
const defaultTimeoutMs = 8_000;

export type RelayFailure = { apiClientId: string; attempts: number; nextAttemptAt: Date; error: string };
export type RelayReport = { deliveredEvents: number; deliveredBatches: number; failures: RelayFailure[] };

/** 5 s, 10 s, 20 s, … capped at one hour: a dead endpoint is retried for ever, but rarely. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * Pushes every client's new events to its webhook once: in feed order, in signed batches, from the
 * position kept in PostgreSQL. A client's position row is leased (claimed with SKIP LOCKED) while
 * its batch is sent, so any number of relay processes can run: each batch goes out from one of them,
 * and a crashed relay's lease simply runs out. A failed batch is retried with back-off and blocks
 * later events of that client, so order is kept.
 */
export async function relayOnce(db: Db, options: RelayOptions): Promise<RelayReport> {
  const report: RelayReport = { deliveredEvents: 0, deliveredBatches: 0, failures: [] };
  const owner = options.owner ?? `relay-${randomUUID()}`;
  const clients = await db
    .select()
    .from(apiClients)
    .where(and(isNotNull(apiClients.webhookUrl), isNotNull(apiClients.webhookSecret), isNull(apiClients.revokedAt)));
  for (const client of clients) {
    // A client made without going through createApiClient starts from the oldest event.
    await db.insert(webhookRelayPositions).values({ apiClientId: client.id }).onConflictDoNothing();
    const position = await claimLease(db, client.id, owner, options);
    if (!position) continue;
    try {
      await relayClient(db, client, position, owner, options, report);
    } finally {
      await db
        .update(webhookRelayPositions)
        .set({ leaseOwner: null, leaseUntil: null })
        .where(and(eq(webhookRelayPositions.apiClientId, client.id), eq(webhookRelayPositions.leaseOwner, owner)));
    }
  }
  return report;
}

async function claimLease(db: Db, apiClientId: string, owner: string, options: RelayOptions) {
  const { now } = options;
  const free = db
    .select({ id: webhookRelayPositions.apiClientId })
    .from(webhookRelayPositions)
    .where(
      and(
        eq(webhookRelayPositions.apiClientId, apiClientId),
        or(isNull(webhookRelayPositions.leaseUntil), lt(webhookRelayPositions.leaseUntil, now)),
        or(isNull(webhookRelayPositions.nextAttemptAt), lte(webhookRelayPositions.nextAttemptAt, now)),
      ),
    )
    .for("update", { skipLocked: true });
  const [claimed] = await db
    .update(webhookRelayPositions)
    .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + (options.leaseMs ?? defaultLeaseMs)) })
    .where(inArray(webhookRelayPositions.apiClientId, free))
    .returning();
  return claimed;
}

async function relayClient(
  db: Db,
  client: ApiClient,
  start: typeof webhookRelayPositions.$inferSelect,
  owner: string,
  options: RelayOptions,
  report: RelayReport,
) {
  let after: EventPosition | null = start.afterTxid !== null && start.afterId !== null ? { txid: start.afterTxid, id: start.afterId } : null;
  let attempts = start.attempts;
  const mine = and(eq(webhookRelayPositions.apiClientId, client.id), eq(webhookRelayPositions.leaseOwner, owner));
  const startedAt = Date.now();
  for (let batch = 0; batch < (options.maxBatchesPerClient ?? 10); batch++) {
    if (batch > 0) {
      // Keep the lease short (a dead relay's runs out soon) by renewing it before each further batch.
      const clock = options.now.getTime() + (Date.now() - startedAt);
      const renewed = await db
        .update(webhookRelayPositions)
        .set({ leaseUntil: new Date(clock + (options.leaseMs ?? defaultLeaseMs)) })
        .where(mine)
        .returning({ id: webhookRelayPositions.apiClientId });
      if (renewed.length === 0) return; // taken over: the new holder goes on
    }
    const page = await listEvents(db, { centerIds: client.centerIds, after, limit: options.batchSize ?? 100 });
    if (page.events.length === 0) return;
    const last = page.positions[page.positions.length - 1];
    const deliveryId = await openDelivery(db, client.id, page.events[page.events.length - 1].id);
    const sentAt = options.now;
    const payload: WebhookBatch = { deliveryId, sentAt: sentAt.toISOString(), events: page.events };
    const outcome = await post(client, JSON.stringify(payload), deliveryId, sentAt, options);
    attempts++;
    if (outcome.ok) {
      await db.transaction(async (tx) => {
        const moved = await tx
          .update(webhookRelayPositions)
          .set({ afterTxid: last.txid, afterId: last.id, attempts: 0, nextAttemptAt: null, lastError: null, updatedAt: sql`now()` })
          .where(mine)
          .returning();
        if (moved.length === 0) return; // our lease was taken over; the new holder decides
        await tx
          .update(webhookDeliveries)
          .set({ status: "delivered", attempts, eventId: page.events[page.events.length - 1].id, nextAttemptAt: null, lastError: null, updatedAt: sql`now()` })
          .where(eq(webhookDeliveries.id, deliveryId));
      });
      report.deliveredBatches++;
      report.deliveredEvents += page.events.length;
      after = last;
      attempts = 0;
      if (!page.hasMore) return;
      continue;
    }
    const nextAttemptAt = new Date(options.now.getTime() + retryDelayMs(attempts));
    await db.transaction(async (tx) => {
      await tx.update(webhookRelayPositions).set({ attempts, nextAttemptAt, lastError: outcome.error, updatedAt: sql`now()` }).where(mine);
      await tx
        .update(webhookDeliveries)
        .set({ status: "failed", attempts, nextAttemptAt, lastError: outcome.error, updatedAt: sql`now()` })
        .where(eq(webhookDeliveries.id, deliveryId));
    });
    report.failures.push({ apiClientId: client.id, attempts, nextAttemptAt, error: outcome.error });
    return;
  }
}

/** The client's unacknowledged batch (kept across retries, so its deliveryId stays), or a new one. */
async function openDelivery(db: Db, apiClientId: string, lastEventId: number): Promise<string> {
  const [open] = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.apiClientId, apiClientId), inArray(webhookDeliveries.status, ["pending", "failed"])))
    .limit(1);
  if (open) return open.id;
  const [created] = await db
    .insert(webhookDeliveries)
    .values({ apiClientId, eventId: lastEventId, status: "pending" })
    .returning({ id: webhookDeliveries.id });
  return created.id;
}

async function post(
  client: ApiClient,
  body: string,
  deliveryId: string,
  sentAt: Date,
  options: RelayOptions,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const fetchImpl = options.fetchImpl ?? fetch;
  try {
    // Checked again at every delivery: the name may resolve to a private address by now.
    await checkWebhookTarget(client.webhookUrl ?? "");
    const response = await fetchImpl(client.webhookUrl ?? "", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Legit-Webhook-Relay/1",
        [signatureHeader]: signWebhookBody(client.webhookSecret ?? "", body),
        [timestampHeader]: String(Math.floor(sentAt.getTime() / 1000)),
        [deliveryHeader]: deliveryId,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs),
    });
    if (response.ok) return { ok: true };
    const text = await response.text().catch(() => "");
    return { ok: false, error: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}` };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return { ok: false, error: `${(error as Error).message ?? String(error)}${cause ? ` (${cause})` : ""}`.slice(0, 500) };
  }
}
