/**
 * Benchmark data (prints progress; not a test): fills a PostgreSQL database with a realistic
 * history: centers, staff, catalog, zones and bins, orders with lines, items in every state, their
 * item_events and outbox events, inspections with photo rows, parcels, shipments and manifests, bins
 * occupied consistently with the items in them.
 *
 *   npm run bench:data -- --items 1000000 --bins 100000 --centers 3 [--stations 200]
 *
 * DATABASE_URL (its database is dropped and re-created!) or, without it, the benchmark's own cluster
 * in .data/bench-pg (scripts/bench/bench-cluster.ts). Rows are made by the database itself
 * (`insert … select generate_series`), in chunks, so 1M items take minutes.
 */
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { connectPostgres } from "@/db/postgres-target";
import { openDb } from "@/db/open-db";
import { loadCatalog } from "@/db/seed/catalog";
import * as schema from "@/db/schema";
import { installInspectionDefaults } from "@/lib/inspection/install-defaults";
import { restampStays } from "@/lib/storage/stays";
import { hashApiToken, displayPrefix } from "@/lib/api/tokens";
import { generateItemCode } from "@/lib/scan-codes/item-code";
import bcrypt from "bcryptjs";
import { benchDatabaseUrl, recreateDatabase } from "./bench-cluster";
import { benchApiToken, benchCenterCode, benchPin, benchManagerEmail, benchPassword, operatorBadge, inspectorBadge } from "./bench-identities";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

/**
 * Every NOT NULL column without a default must be in our insert, so a new required column makes
 * this script fail at once with its name rather than with a SQL error deep in a chunk.
 */
function requireColumns(table: PgTable, provided: string[]) {
  const config = getTableConfig(table);
  const missing = config.columns.filter((c) => c.notNull && !c.hasDefault && !provided.includes(c.name)).map((c) => c.name);
  if (missing.length) throw new Error(`bench:data does not fill ${config.name}.${missing.join(", ")}: teach scripts/bench/bench-data.ts about it`);
}

/** Paths to each final state (DESIGN.md's item life); the variant picks fail-and-return vs pass. */
const paths: { state: string; type: "trade" | "storage" | "any"; actions: [string, string, string][] }[] = (() => {
  const announce: [string, string, string] = ["announce", "", "expected"];
  const inTo = (a: [string, string][]) => a.map(([action, to], i, all) => [action, i === 0 ? "expected" : all[i - 1][1], to] as [string, string, string]);
  const trade = inTo([["receive", "received"], ["claim", "in_inspection"], ["pass", "passed"], ["route_trade", "awaiting_pack"], ["pack", "packed"], ["dispatch", "dispatched"]]);
  const storage = inTo([
    ["receive", "received"], ["claim", "in_inspection"], ["pass", "passed"], ["route_storage", "awaiting_putaway"], ["putaway", "stored"],
    ["sell", "awaiting_pick"], ["pick", "awaiting_pack"], ["pack", "packed"], ["dispatch", "dispatched"],
  ]);
  const upTo = (p: [string, string, string][], state: string) => [announce, ...p.slice(0, p.findIndex((s) => s[2] === state) + 1)];
  const out: { state: string; type: "trade" | "storage" | "any"; actions: [string, string, string][] }[] = [];
  for (const s of ["received", "in_inspection"]) out.push({ state: s, type: "any", actions: upTo(trade, s) });
  for (const s of ["awaiting_pack", "packed", "dispatched"]) out.push({ state: s, type: "trade", actions: upTo(trade, s) });
  for (const s of ["awaiting_putaway", "stored", "awaiting_pick", "awaiting_pack", "packed", "dispatched"]) out.push({ state: s, type: "storage", actions: upTo(storage, s) });
  out.push({ state: "expected", type: "any", actions: [announce] });
  out.push({ state: "cancelled", type: "any", actions: [announce, ["cancel", "expected", "cancelled"]] });
  out.push({ state: "held", type: "any", actions: [...upTo(trade, "in_inspection"), ["hold", "in_inspection", "held"]] });
  out.push({ state: "quarantined", type: "any", actions: [...upTo(trade, "in_inspection"), ["quarantine", "in_inspection", "quarantined"]] });
  return out;
})();

async function main() {
  const totalItems = arg("items", 100_000);
  const totalBins = arg("bins", 10_000);
  const centerCount = arg("centers", 3);
  const stations = arg("stations", 200);
  const chunk = arg("chunk", 50_000);
  const url = benchDatabaseUrl();
  const started = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

  // --finish-only: the chunks are in (each commits on its own); redo only the steps after them.
  const finishOnly = process.argv.includes("--finish-only");
  if (!finishOnly) await recreateDatabase(url);
  const handle = await openDb({ url, max: 2 });
  log(finishOnly ? "finishing" : "database re-created and migrated");
  const sql = connectPostgres(url, { max: 1, onnotice: () => {} });
  if (finishOnly) {
    await finish(sql, log);
    await sql.end();
    await handle.close();
    return;
  }

  requireColumns(schema.items, ["id", "center_id", "order_id", "type", "state", "sku", "product_name", "category", "size", "price"]);
  requireColumns(schema.inboundOrders, ["id", "center_id", "external_id", "type", "seller"]);
  requireColumns(schema.orderLines, ["id", "order_id", "line_no", "sku", "product_name", "category", "size", "price"]);
  requireColumns(schema.itemEvents, ["item_id", "center_id", "action"]);
  requireColumns(schema.outboxEvents, ["center_id", "type", "payload"]);
  requireColumns(schema.inspections, ["item_id", "center_id", "inspector_id"]);
  requireColumns(schema.inspectionPhotos, ["inspection_id", "item_id", "storage_key", "content_type", "bytes", "uploaded_by"]);
  requireColumns(schema.parcels, ["center_id", "tracking_number", "status"]);
  requireColumns(schema.shipments, ["center_id", "item_id", "destination", "recipient", "reason", "ship_by"]);
  requireColumns(schema.manifests, ["center_id", "carrier"]);
  requireColumns(schema.bins, ["center_id", "zone_id", "code", "size_class", "capacity", "pick_sequence"]);
  requireColumns(schema.users, ["center_id", "name", "role"]);

  // Reference data: catalog, centers with checklists, staff, one API client for all bench centers.
  const catalog = loadCatalog();
  await handle.db.insert(schema.products).values(catalog).onConflictDoNothing();
  const centerIds: string[] = [];
  for (let c = 1; c <= centerCount; c++) {
    const [center] = await handle.db
      .insert(schema.centers)
      .values({
        code: benchCenterCode(c),
        name: `Bench center ${c}`,
        timezone: ["Asia/Seoul", "Asia/Tokyo", "Asia/Singapore", "Asia/Hong_Kong"][(c - 1) % 4],
        settings: {
          inspectionDeadlineHours: 24,
          fourEyesPrice: 100_000_000,
          penaltyRates: { fail_counterfeit: 0.15, fail_used: 0.15, fail_defect: 0.1, fail_wrong_item: 0.1, fail_missing_parts: 0.1 },
          storageFreeDays: 30,
          claimTimeoutMinutes: 600,
        },
      })
      .returning();
    centerIds.push(center.id);
    await installInspectionDefaults(handle.db, center.id);
  }
  // A low bcrypt cost for the bench's own staff: hundreds of stations sign in before measuring.
  const pinHash = await bcrypt.hash(benchPin, 6);
  const passwordHash = await bcrypt.hash(benchPassword, 6);
  await sql`
    insert into users (id, center_id, name, role, email, password_hash, badge_code, pin_hash, locale)
    select md5('user-' || c || '-' || r || '-' || k)::uuid, (${centerIds}::uuid[])[c], r || ' ' || c || '-' || k, r,
           case when r = 'manager' then 'manager' || c || '@bench.test' end,
           case when r = 'manager' then ${passwordHash} end,
           case when r = 'operator' then 'EMP-9' || c || '1' || lpad(k::text, 4, '0')
                when r = 'inspector' then 'EMP-9' || c || '2' || lpad(k::text, 4, '0') end,
           case when r <> 'manager' then ${pinHash} end, 'en'
    from generate_series(1, ${centerCount}) c,
         (values ('operator'), ('inspector'), ('manager')) roles(r),
         generate_series(1, ${stations}) k
    where r <> 'manager' or k = 1`;
  if (benchManagerEmail(1) !== "manager1@bench.test" || operatorBadge(1, 1) !== "EMP-9110001" || inspectorBadge(1, 1) !== "EMP-9120001") {
    throw new Error("bench identities and bench data disagree");
  }
  await sql`
    insert into api_clients (name, token_hash, token_prefix, center_ids)
    values ('Bench marketplace', ${hashApiToken(benchApiToken)}, ${displayPrefix(benchApiToken)}, ${sql.json(centerIds)})`;
  log(`${centerCount} centers, ${stations} operators and ${stations} inspectors each, API client`);

  // Zones and bins: 10 zones per center, shoe boxes in most of them.
  const binsPerCenter = Math.ceil(totalBins / centerCount);
  await sql`
    insert into zones (id, center_id, code, name)
    select md5('zone-' || c || '-' || z)::uuid, (${centerIds}::uuid[])[c], chr(64 + z), 'Zone ' || chr(64 + z)
    from generate_series(1, ${centerCount}) c, generate_series(1, 10) z`;
  await sql`
    insert into bins (id, center_id, zone_id, code, size_class, capacity, pick_sequence)
    select md5('bin-' || c || '-' || b)::uuid, (${centerIds}::uuid[])[c], md5('zone-' || c || '-' || (b % 10 + 1))::uuid,
           'BIN-' || chr(65 + b % 10) || '-' || lpad((b / 10 / 100 + 1)::text, 2, '0') || '-' || lpad(((b / 10 / 5) % 20 + 1)::text, 2, '0') || '-' || ((b / 10) % 5 + 1),
           (array['S','S','S','S','S','S','M','M','L','XL'])[b % 10 + 1],
           (array[20,20,20,20,20,20,12,12,8,6])[b % 10 + 1], b / 10
    from generate_series(1, ${centerCount}) c, generate_series(0, ${binsPerCenter - 1}) b`;
  log(`${binsPerCenter * centerCount} bins`);

  // Helper tables for the generators (temporary: this session only).
  await sql`create temp table bench_products as
    select row_number() over (order by sku) - 1 as k, sku, name_en, category, split_part(split_part(sizes, '|', 1), '-', 1) as size, release_price
    from products`;
  const productCount = catalog.length;
  await sql`create temp table bench_paths (state text, type text, step int, action text, from_state text, to_state text)`;
  for (const p of paths) {
    for (const [step, [action, from, to]] of p.actions.entries()) {
      await sql`insert into bench_paths values (${p.state}, ${p.type}, ${step}, ${action}, ${from || null}, ${to})`;
    }
  }
  // Final state per item: old items have left (or sit in storage); the newest tenth is spread over the flow.
  await sql`
    create function pg_temp.bench_state(n bigint, total bigint, storage boolean) returns text language sql immutable as $$
      select case
        when n <= total * 0.9 then
          case when n % 100 < 3 then 'cancelled' when n % 500 = 7 then 'quarantined'
               when storage and n % 100 < 63 then 'stored' else 'dispatched' end
        else
          case when n % 100 < 30 then 'expected' when n % 100 < 33 then 'cancelled' when n % 100 < 45 then 'received'
               when n % 100 < 48 then 'in_inspection' when n % 100 < 50 then 'held' when n % 100 < 51 then 'quarantined'
               when n % 100 < 60 then case when storage then 'awaiting_putaway' else 'awaiting_pack' end
               when n % 100 < 70 then case when storage then 'stored' else 'packed' end
               when n % 100 < 73 then case when storage then 'awaiting_pick' else 'awaiting_pack' end
               when n % 100 < 80 then 'awaiting_pack' when n % 100 < 85 then 'packed' else 'dispatched' end
        end $$`;

  const orderCount = Math.ceil(totalItems / 2);
  const [{ superuser }] = await sql`select rolsuper as superuser from pg_roles where rolname = current_user`;
  const ctx = { superuser: Boolean(superuser), N: totalItems, C: centerCount, centerIds, orders: orderCount, products: productCount, stations };
  for (let from = 1; from <= totalItems; from += chunk) {
    const to = Math.min(totalItems, from + chunk - 1);
    const codes = Array.from({ length: to - from + 1 }, () => generateItemCode());
    await sql.begin((tx) => fillChunk(tx, from, to, codes, ctx));
    log(`items ${to.toLocaleString("en")} of ${totalItems.toLocaleString("en")}`);
  }

  await finish(sql, log);
  await sql.end();
  await handle.close();
}

/** After the chunks: stored items into bins, bin occupancy, statistics, a summary. */
async function finish(sql: postgres.Sql, log: (line: string) => void) {
  // Stored items sit in bins, dealt round-robin over each center's bins so no bin is over-full.
  await sql`
    with numbered_bins as (
      select b.id, b.center_id, row_number() over (partition by b.center_id order by b.pick_sequence, b.code) - 1 as bn,
             count(*) over (partition by b.center_id) as nb
      from bins b
    ), bin_counts as (
      select distinct center_id, nb from numbered_bins
    ), ranked as (
      select i.id, i.center_id, (row_number() over (partition by i.center_id order by i.id) - 1) % bc.nb as bn
      from items i join bin_counts bc on bc.center_id = i.center_id
      where i.state in ('stored', 'awaiting_pick')
    )
    update items set bin_id = nb.id
    from ranked r join numbered_bins nb on nb.center_id = r.center_id and nb.bn = r.bn
    where items.id = r.id`;
  // Every item put away (sold, picked and dispatched ones too) was stored from its putaway, as putAway sets it.
  await sql`
    update items set stored_at = p.at
    from (select item_id, max(created_at) as at from item_events where action = 'putaway' group by item_id) p
    where p.item_id = items.id`;
  await sql`update bins set occupied = o.n from (select bin_id, count(*)::int n from items where bin_id is not null group by bin_id) o where bins.id = o.bin_id`;
  const [{ over }] = await sql`select count(*)::int as over from bins where occupied > capacity`;
  if (over > 0) throw new Error(`${over} bins over-full: more stored items than bin capacity; give more --bins`);
  log("bins filled");
  // When each waiting item entered the desk's queue, as applyTransition stamps it.
  await sql`
    update items set queue_entered_at = e.at
    from (select item_id, max(created_at) as at from item_events
          where action in ('pass', 'sell', 'hold', 'route_storage') group by item_id) e
    where e.item_id = items.id
      and items.state in ('passed', 'awaiting_pick', 'awaiting_pack', 'packed', 'held', 'awaiting_putaway')`;
  // The fee report's stays of the items put away, as applyTransition keeps them (lib/storage/stays.ts).
  await restampStays(drizzle(sql));
  log("storage stays filled");
  // The desk's rollups from the rows just written (the chunks wrote them with the triggers off).
  await sql`select rollup_rebuild()`;
  log("rollups rebuilt");
  await sql`vacuum analyze`;
  const counts = await sql`select state, count(*)::int n from items group by state order by 2 desc`;
  const [sizes] = await sql`select
      (select count(*) from item_events)::bigint as events, (select count(*) from outbox_events)::bigint as outbox,
      (select count(*) from inspections)::bigint as inspections, (select count(*) from shipments)::bigint as shipments,
      pg_size_pretty(pg_database_size(current_database())) as size`;
  log(`done: ${counts.map((r) => `${r.state} ${r.n}`).join(", ")}`);
  log(`item_events ${sizes.events}, outbox_events ${sizes.outbox}, inspections ${sizes.inspections}, shipments ${sizes.shipments}; database ${sizes.size}`);
}

async function timed<T>(label: number, query: Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await query;
  if (process.env.BENCH_DEBUG) console.log(`  statement ${label}: ${(performance.now() - t).toFixed(0)} ms`);
  return result;
}

type Ctx = { superuser: boolean; N: number; C: number; centerIds: string[]; orders: number; products: number; stations: number };

/** Items from..to (1-based) with their orders, lines, events, outbox, inspections, parcels, shipments. */
async function fillChunk(tx: postgres.TransactionSql, from: number, to: number, codes: string[], ctx: Ctx) {
  const { N, C, centerIds } = ctx;
  // Rows are consistent by construction: skip per-row foreign-key triggers where we may (superuser).
  if (ctx.superuser) await tx`set local session_replication_role = replica`;
  // One row per item: its order (two items per order), center, type, state, timestamps.
  await timed(1, tx`
    create temp table chunk on commit drop as
    select n, o, md5('item-' || n)::uuid as id, md5('order-' || o)::uuid as order_id, md5('line-' || n)::uuid as line_id,
           (${centerIds}::uuid[])[(o % ${C}) + 1] as center_id,
           case when o % 3 = 0 then 'storage' else 'trade' end as type,
           pg_temp.bench_state(n, ${N}, o % 3 = 0) as state,
           now() - interval '365 days' * (1 - n::float8 / ${N}) - interval '30 days' * (case when n > ${N} * 0.9 then 0 else 1 end) as created_at,
           c.code, p.sku, p.name_en, p.category, p.size, p.release_price,
           md5('user-' || ((o % ${C}) + 1) || '-inspector-' || (n % ${ctx.stations} + 1))::uuid as inspector_id,
           md5('user-' || ((o % ${C}) + 1) || '-operator-' || (n % ${ctx.stations} + 1))::uuid as operator_id
    from unnest(${codes}::text[]) with ordinality as c(code, k)
    cross join lateral (select ${from}::bigint + k - 1 as n) nn
    cross join lateral (select (nn.n + 1) / 2 as o) oo
    join bench_products p on p.k = nn.n % ${ctx.products}`);
  await timed(2, tx`
    insert into inbound_orders (id, center_id, external_id, type, seller, buyer, tracking_number, created_at)
    select distinct on (o) order_id, center_id, 'BENCH-O' || lpad(o::text, 9, '0'), type,
           jsonb_build_object('id', 'S' || (o % 40000), 'name', 'Seller ' || (o % 40000)),
           case when type = 'trade' then jsonb_build_object('id', 'B' || (o % 90000), 'name', 'Buyer ' || (o % 90000), 'address', 'Seoul, Gangnam-gu ' || (o % 977) || '-' || (o % 13)) end,
           'BT' || lpad(o::text, 10, '0'), created_at
    from chunk order by o, n
    on conflict (id) do nothing`);
  await timed(3, tx`
    insert into order_lines (id, order_id, line_no, sku, product_name, category, size, price)
    select line_id, order_id, 2 - n % 2, sku, name_en, category, size, release_price from chunk`);
  // Parcels for orders with a received item (the first item of an order decides).
  await timed(4, tx`
    insert into parcels (id, center_id, tracking_number, order_id, status, received_by, station, created_at)
    select distinct on (o) md5('parcel-' || o)::uuid, center_id, 'BT' || lpad(o::text, 10, '0'), order_id, 'received', operator_id, 'BENCH',
           created_at + interval '2 days'
    from chunk where state not in ('expected', 'cancelled') order by o, n
    on conflict do nothing`);
  await timed(5, tx`
    insert into items (id, code, center_id, order_id, order_line_id, parcel_id, type, state, sku, product_name, category, size, price,
                       destination, return_to_seller, defect_note, version, received_at, created_at, updated_at)
    select id, case when state in ('expected', 'cancelled') then null else code end, center_id, order_id, line_id,
           case when state in ('expected', 'cancelled') then null else md5('parcel-' || o)::uuid end, type, state,
           sku, name_en, category, size, release_price,
           case when state in ('awaiting_pack', 'packed', 'dispatched') then 'buyer' end, false,
           case when state = 'held' then 'Box corner crushed' end,
           (select count(*) - 1 from bench_paths p where p.state = chunk.state and p.type in (chunk.type, 'any'))::int,
           case when state in ('expected', 'cancelled') then null else created_at + interval '2 days' end,
           created_at, created_at + interval '2 days'
    from chunk`);
  await timed(6, tx`
    insert into item_events (item_id, center_id, action, from_state, to_state, actor_user_id, station, details, created_at)
    select c.id, c.center_id, p.action, p.from_state, p.to_state,
           case when p.action in ('claim', 'pass', 'hold', 'quarantine') then c.inspector_id when p.action not in ('announce', 'cancel', 'sell') then c.operator_id end,
           case when p.action not in ('announce', 'cancel', 'sell') then 'BENCH-' || (c.n % 50) end,
           case when p.action = 'announce' then jsonb_build_object('orderExternalId', 'BENCH-O' || lpad(c.o::text, 9, '0')) else '{}'::jsonb end,
           c.created_at + interval '7 hours' * p.step
    from chunk c join bench_paths p on p.state = c.state and p.type in (c.type, 'any')
    order by c.n, p.step`);
  await timed(7, tx`
    insert into outbox_events (center_id, item_id, type, payload, created_at)
    select c.center_id, c.id, 'item.' || p.action,
           jsonb_build_object('itemId', c.id, 'itemCode', c.code, 'orderExternalId', 'BENCH-O' || lpad(c.o::text, 9, '0'),
                              'action', p.action, 'from', p.from_state, 'to', p.to_state, 'at', c.created_at + interval '7 hours' * p.step),
           c.created_at + interval '7 hours' * p.step
    from chunk c join bench_paths p on p.state = c.state and p.type in (c.type, 'any') and p.action <> 'announce'
    order by c.n, p.step`);
  // Inspections: open for claimed items, done (with the verdict its path took) for the rest; a photo row for non-pass verdicts.
  await timed(8, tx`
    insert into inspections (id, item_id, center_id, inspector_id, status, results, verdict, reason_codes, claimed_at, submitted_at, duration_ms)
    select md5('insp-' || c.n)::uuid, c.id, c.center_id, c.inspector_id,
           case when c.state = 'in_inspection' then 'open' else 'done' end,
           '[]'::jsonb,
           case when c.state = 'in_inspection' then null when c.state = 'held' then 'pass_minor_defect'
                when c.state = 'quarantined' then 'fail_counterfeit' else 'pass' end,
           case when c.state = 'held' then '["BOX_DAMAGE"]'::jsonb when c.state = 'quarantined' then '["COUNTERFEIT"]'::jsonb else '[]'::jsonb end,
           c.created_at + interval '2 days', case when c.state <> 'in_inspection' then c.created_at + interval '2 days 20 minutes' end,
           case when c.state <> 'in_inspection' then 600000 + (c.n % 900) * 1000 end
    from chunk c where c.state not in ('expected', 'cancelled', 'received')`);
  await timed(9, tx`
    insert into inspection_photos (inspection_id, item_id, storage_key, content_type, bytes, uploaded_by, created_at)
    select md5('insp-' || c.n)::uuid, c.id, 'bench/' || c.n || '.jpg', 'image/jpeg', 180000 + c.n % 50000, c.inspector_id, c.created_at + interval '2 days 10 minutes'
    from chunk c where c.state in ('held', 'quarantined')`);
  // Outbound: a closed manifest per center and block of items; a shipment for every packed or dispatched item.
  await timed(10, tx`
    insert into manifests (id, center_id, carrier, status, created_at, closed_at)
    select md5('manifest-' || ((c.o % ${C}) + 1) || '-' || c.n / 2000)::uuid, c.center_id, 'CJ', 'closed', min(c.created_at), max(c.created_at) + interval '3 days'
    from chunk c where c.state = 'dispatched' group by 1, 2
    on conflict (id) do nothing`);
  await timed(11, tx`
    insert into shipments (center_id, item_id, destination, recipient, reason, status, ship_by, carrier, tracking_number, manifest_id,
                           packed_by, packed_at, dispatched_at, created_at)
    select c.center_id, c.id, 'buyer', jsonb_build_object('id', 'B' || (c.o % 90000), 'name', 'Buyer ' || (c.o % 90000), 'address', 'Seoul'),
           case when c.type = 'storage' then 'storage_sold' else 'trade_passed' end,
           case when c.state = 'awaiting_pack' then 'open' when c.state = 'packed' then 'packed' else 'dispatched' end,
           c.created_at + interval '4 days',
           case when c.state <> 'awaiting_pack' then 'CJ' end, case when c.state <> 'awaiting_pack' then 'BS' || lpad(c.n::text, 11, '0') end,
           case when c.state = 'dispatched' then md5('manifest-' || ((c.o % ${C}) + 1) || '-' || c.n / 2000)::uuid end,
           case when c.state <> 'awaiting_pack' then c.operator_id end, case when c.state <> 'awaiting_pack' then c.created_at + interval '3 days' end,
           case when c.state = 'dispatched' then c.created_at + interval '4 days' end, c.created_at + interval '3 days'
    from chunk c where c.state in ('awaiting_pack', 'packed', 'dispatched')`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
