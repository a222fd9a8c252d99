import type { AnnounceOrderResponse, EventsResponse } from "@/lib/api/schemas";
import { generateOrder, type CatalogProduct } from "./order-generator";
import { RequestStats } from "./request-stats";

export type SimulatorOptions = {
  /** Legit's base URL; every request goes there and nowhere else. */
  baseUrl: string;
  token: string;
  centerCode: string;
  catalog: readonly CatalogProduct[];
  /** Orders announced per minute. */
  ordersPerMinute: number;
  /** Share of storage (consignment) orders; the rest are trades. */
  storageShare?: number;
  rng: () => number;
  /** Prefix of externalIds, unique per run. */
  runId: string;
  fetchImpl?: typeof fetch;
  /** How long after an item is stored it sells or is withdrawn, in ms [min, max]. */
  storedReactionMs?: [number, number];
  /** How long a buyer takes to answer a disclosed defect, in ms [min, max]. */
  decisionReactionMs?: [number, number];
  pollIntervalMs?: number;
  /** Requests in flight at most; past it the simulator waits (it measures Legit, not a queue). */
  maxInFlight?: number;
  log?: (line: string) => void;
};

type KnownItem = { type?: "trade" | "storage"; state: string; scheduled: boolean };
type Scheduled = { dueAt: number; run: () => Promise<void> };

/**
 * Plays the marketplace against a running Legit over HTTP: announces trade and storage orders,
 * retries some announces (they must answer the same), cancels a few, learns item states from the
 * events feed, then sells or withdraws stored items and answers held items' defect disclosures.
 */
export class MarketplaceSimulator {
  readonly stats = new RequestStats();
  private cursor: string | undefined;
  private items = new Map<string, KnownItem>();
  private queue: Scheduled[] = [];
  private inFlight = new Set<Promise<unknown>>();
  private orderNo = 0;
  private polling = false;
  readonly counts = { announced: 0, replays: 0, cancels: 0, sales: 0, withdrawals: 0, decisions: 0, events: 0 };

  constructor(private readonly options: SimulatorOptions) {}

  private get fetch() {
    return this.options.fetchImpl ?? fetch;
  }

  /** One timed JSON request; the outcome goes into the stats. */
  async request<T>(call: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: T | null }> {
    const started = performance.now();
    try {
      const response = await this.fetch(new URL(`/api/v1${path}`, this.options.baseUrl), {
        method,
        headers: { authorization: `Bearer ${this.options.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      this.stats.record({ call, status: response.status, ms: performance.now() - started });
      if (response.status >= 400 && response.status !== 409 && response.status !== 404) {
        this.options.log?.(`${call}: HTTP ${response.status} ${text.slice(0, 300)}`);
      }
      return { status: response.status, json: text ? (JSON.parse(text) as T) : null };
    } catch (error) {
      this.stats.record({ call, status: "network", ms: performance.now() - started });
      this.options.log?.(`${call}: ${(error as Error).message}`);
      return { status: 0, json: null };
    }
  }

  /** Runs `work` without waiting for it, but never more than maxInFlight at once. */
  private async spawn(work: () => Promise<unknown>): Promise<void> {
    while (this.inFlight.size >= (this.options.maxInFlight ?? 64)) await Promise.race(this.inFlight);
    const running = work().finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  private between([min, max]: [number, number]): number {
    return min + this.options.rng() * (max - min);
  }

  async announceOne(): Promise<void> {
    const rng = this.options.rng;
    const type = rng() < (this.options.storageShare ?? 0.4) ? "storage" : "trade";
    const order = generateOrder(rng, {
      catalog: this.options.catalog,
      centerCode: this.options.centerCode,
      type,
      externalId: `${this.options.runId}-${++this.orderNo}`,
    });
    const first = await this.request<AnnounceOrderResponse>("announce", "POST", "/inbound-orders", order);
    if (first.status !== 201 || !first.json) return;
    this.counts.announced++;
    for (const item of first.json.order.items) this.remember(item.id, { type, state: "expected" });
    // A marketplace retrying after a lost answer: must get the same order back, nothing new.
    if (rng() < 0.05) {
      this.counts.replays++;
      const again = await this.request<AnnounceOrderResponse>("announce (retry)", "POST", "/inbound-orders", order);
      if (again.status !== 200 || JSON.stringify(again.json) !== JSON.stringify(first.json)) {
        this.options.log?.(`announce retry of ${order.externalId} answered ${again.status} with a different body`);
        this.stats.record({ call: "announce (retry) mismatch", status: 500, ms: 0 });
      }
    }
    // A buyer or seller backing out before the parcel arrives.
    if (rng() < 0.03) {
      this.schedule(this.between([5_000, 60_000]), async () => {
        this.counts.cancels++;
        await this.request("cancel", "POST", `/inbound-orders/${encodeURIComponent(order.externalId)}/cancel`, { reason: "simulated cancellation" });
      });
    }
  }

  private remember(itemId: string, change: Partial<KnownItem> & { state: string }) {
    const known = this.items.get(itemId);
    this.items.set(itemId, { scheduled: false, ...known, ...change, type: change.type ?? known?.type });
  }

  private schedule(delayMs: number, run: () => Promise<void>) {
    this.queue.push({ dueAt: Date.now() + delayMs, run });
  }

  /** Reads all new events (a few pages at most per call) and reacts to the states they show. */
  async pollEvents(): Promise<void> {
    if (this.polling) return; // one reader at a time, or the same events would be learnt twice
    this.polling = true;
    try {
      await this.readNewEvents();
    } finally {
      this.polling = false;
    }
    this.react();
  }

  private async readNewEvents(): Promise<void> {
    for (let page = 0; page < 20; page++) {
      const query = new URLSearchParams({ limit: "500", ...(this.cursor ? { after: this.cursor } : {}) });
      const res = await this.request<EventsResponse>("events", "GET", `/events?${query}`);
      if (res.status !== 200 || !res.json) return;
      this.counts.events += res.json.events.length;
      for (const event of res.json.events) this.learn(event);
      this.cursor = res.json.nextCursor ?? this.cursor;
      if (!res.json.hasMore) break;
    }
  }

  private learn(event: EventsResponse["events"][number]) {
    if (event.type === "order.announced") {
      for (const item of event.payload.items) {
        if (!this.items.has(item.itemId)) this.remember(item.itemId, { type: event.payload.orderType, state: "expected" });
      }
      return;
    }
    const p = event.payload;
    if (!event.itemId || !("to" in p)) return;
    const known = this.items.get(event.itemId);
    const awaitingBuyer = p.to === "held" && (p.awaitingBuyerDecision === true || (p.verdict === "pass_minor_defect" && !p.awaitingReview));
    // A new state may need a new reaction (e.g. held twice), so the flag is cleared on every change.
    this.items.set(event.itemId, { type: known?.type ?? (p.to === "stored" ? "storage" : undefined), state: awaitingBuyer ? "held:buyer" : p.to, scheduled: false });
  }

  private react() {
    for (const [itemId, item] of this.items) {
      if (item.scheduled) continue;
      if (item.state === "stored") {
        item.scheduled = true;
        const sell = this.options.rng() < 0.8;
        this.schedule(this.between(this.options.storedReactionMs ?? [20_000, 180_000]), async () => {
          if (this.items.get(itemId)?.state !== "stored") return;
          if (sell) {
            this.counts.sales++;
            const buyer = generateOrder(this.options.rng, { catalog: this.options.catalog, centerCode: this.options.centerCode, type: "trade", externalId: "x" }).buyer!;
            await this.request("sale", "POST", `/items/${itemId}/sale`, { buyer, saleId: `${this.options.runId}-sale-${itemId.slice(0, 8)}` });
          } else {
            this.counts.withdrawals++;
            await this.request("withdrawal", "POST", `/items/${itemId}/withdrawal`, {});
          }
        });
      } else if (item.state === "held:buyer" && item.type !== "storage") {
        item.scheduled = true;
        const decision = this.options.rng() < 0.85 ? "accept" : "refuse";
        this.schedule(this.between(this.options.decisionReactionMs ?? [3_000, 30_000]), async () => {
          if (this.items.get(itemId)?.state !== "held:buyer") return;
          this.counts.decisions++;
          await this.request("buyer-decision", "POST", `/items/${itemId}/buyer-decision`, { decision });
        });
      }
    }
  }

  /** Starts the actions whose time has come. */
  async runDue(now = Date.now()): Promise<void> {
    const due = this.queue.filter((s) => s.dueAt <= now);
    this.queue = this.queue.filter((s) => s.dueAt > now);
    for (const s of due) await this.spawn(s.run);
  }

  /** Waits for every request still in flight. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** The whole run: announce at the rate, poll events, react, until the time is up or `signal` aborts. */
  async run(input: { durationMs: number; signal?: AbortSignal; onTick?: () => void }): Promise<void> {
    const start = Date.now();
    const end = start + input.durationMs;
    const perOrderMs = 60_000 / Math.max(this.options.ordersPerMinute, 0.001);
    let nextOrderAt = start;
    let nextPollAt = start;
    while (Date.now() < end && !input.signal?.aborted) {
      const now = Date.now();
      while (nextOrderAt <= now) {
        await this.spawn(() => this.announceOne());
        // Poisson-like arrivals around the rate.
        nextOrderAt += -Math.log(1 - this.options.rng()) * perOrderMs;
      }
      if (nextPollAt <= now) {
        await this.spawn(() => this.pollEvents());
        nextPollAt = now + (this.options.pollIntervalMs ?? 2000);
      }
      await this.runDue(now);
      input.onTick?.();
      const wait = Math.max(1, Math.min(nextOrderAt, nextPollAt, end) - Date.now());
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 100)));
    }
    await this.settle();
  }
}
