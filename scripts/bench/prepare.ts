import type postgres from "postgres";
import { generateItemCode } from "@/lib/scan-codes/item-code";

/** One unit of work for a station: an item in the state the measured action starts from. */
export type Unit = {
  itemId: string;
  itemCode: string | null;
  parcelId: string;
  orderExternalId: string;
  inspectionId: string | null;
  /** Packed units: the parcel's tracking number and the open manifest of the unit's owner. */
  trackingNumber?: string;
  manifestId?: string;
};

export type PrepareState = "expected" | "received" | "in_inspection" | "awaiting_putaway" | "awaiting_pack" | "packed";

let batch = 0;
const runTag = Date.now().toString(36).toUpperCase();

/** One step of an item's life: the action, the state it leaves (none for the announcement) and the state it reaches. */
type Step = [action: string, from: string | null, to: string];
const toInspection: Step[] = [["announce", null, "expected"], ["receive", "expected", "received"], ["claim", "received", "in_inspection"], ["pass", "in_inspection", "passed"]];
/** An item's whole life as the bench prepares it: a trade item packed for its buyer, a storage item stored and sold. */
const life: Record<"trade" | "storage", Step[]> = {
  trade: [...toInspection, ["route_trade", "passed", "awaiting_pack"], ["pack", "awaiting_pack", "packed"]],
  storage: [...toInspection, ["route_storage", "passed", "awaiting_putaway"], ["putaway", "awaiting_putaway", "stored"], ["sell", "stored", "awaiting_pick"]],
};

/** CTEs over `src` (item_id, order_id, line_id, parcel_id, external_id, tracking): each item's one-line order and its received parcel. */
function receivedOrder(sql: postgres.Sql, centerId: string, type: "trade" | "storage") {
  return sql`orders as (
      insert into inbound_orders (id, center_id, external_id, type, seller, buyer, tracking_number)
      select order_id, ${centerId}, external_id, ${type}, '{"id":"S1","name":"Bench seller"}'::jsonb,
             case when ${type} = 'trade' then jsonb_build_object('id', 'B-' || external_id, 'name', 'Bench buyer', 'address', 'Seoul') end, tracking
      from src
    ), lines as (
      insert into order_lines (id, order_id, line_no, sku, product_name, category, size, price)
      select line_id, order_id, 1, 'DD1391-100', 'Nike Dunk Low Retro White Black', 'sneakers', '270', 139000 from src
    ), parcels_ as (
      insert into parcels (id, center_id, tracking_number, order_id, status, station)
      select parcel_id, ${centerId}, tracking, order_id, 'received', 'BENCH-PREP' from src
    )`;
}

/** CTEs over `src` (item_id, code, external_id): each item's events for `steps`, and their outbox events (from receiving on). */
function historyOf(sql: postgres.Sql, centerId: string, steps: Step[]) {
  const path = sql`unnest(${steps.map((s) => s[0])}::text[], ${steps.map((s) => s[1])}::text[], ${steps.map((s) => s[2])}::text[]) as s(action, from_state, to_state)`;
  return sql`events as (
      insert into item_events (item_id, center_id, action, from_state, to_state, station, details)
      select item_id, ${centerId}, s.action, s.from_state, s.to_state, 'BENCH-PREP', '{}'::jsonb from src, ${path}
    ), outbox as (
      insert into outbox_events (center_id, item_id, type, payload)
      select ${centerId}, item_id, 'item.' || s.action,
             jsonb_build_object('itemId', item_id, 'itemCode', code, 'orderExternalId', external_id,
                                'action', s.action, 'from', s.from_state, 'to', s.to_state, 'at', now(), 'actorKind', 'staff')
      from src, ${path}
      where s.action <> 'announce'
    )`;
}

/**
 * Makes `owners.length` fresh one-item orders of a center whose item stands in `state`, each with
 * the history that state implies (announce, receive, claim events; parcel scanned in; an open
 * inspection claimed by its owner). Done in one statement by the database, outside any timing.
 * Returns the units in the order of `owners`.
 */
export async function prepareUnits(
  sql: postgres.Sql,
  input: { centerId: string; state: PrepareState; owners: string[]; type?: "trade" | "storage" },
): Promise<Unit[]> {
  if (input.owners.length === 0) return [];
  const tag = `${runTag}-${++batch}`;
  const codes = input.owners.map(() => generateItemCode());
  const rank = { expected: 0, received: 1, in_inspection: 2, awaiting_putaway: 4, awaiting_pack: 4, packed: 5 }[input.state];
  // A passed item goes to putaway (storage) or to packing for its buyer (trade, with its shipment: open, or packed in a parcel).
  // Each unit has a buyer of its own: with one buyer for all, packing lists every packed parcel as a
  // parcel the item could share (10k at 1M items), which no real center sees.
  const outbound = input.state === "awaiting_pack" || input.state === "packed";
  const type = input.state === "awaiting_putaway" ? "storage" : outbound ? "trade" : (input.type ?? "trade");
  const rows = await sql`
    with src as materialized (
      select k, gen_random_uuid() as item_id, gen_random_uuid() as order_id, gen_random_uuid() as line_id,
             gen_random_uuid() as parcel_id, gen_random_uuid() as insp_id, code, owner::uuid as owner,
             'BENCH-R' || ${tag} || '-' || k as external_id, 'BR' || ${tag} || 'X' || k as tracking
      from unnest(${codes}::text[], ${input.owners}::text[]) with ordinality as u(code, owner, k)
    ), ${receivedOrder(sql, input.centerId, type)},
    items_ as (
      insert into items (id, code, center_id, order_id, order_line_id, parcel_id, type, state, destination, sku, product_name, category, size, price, version, received_at)
      select item_id, case when ${rank} >= 1 then code end, ${input.centerId}, order_id, line_id, case when ${rank} >= 1 then parcel_id end,
             ${type}, ${input.state}, case when ${outbound} then 'buyer' end, 'DD1391-100', 'Nike Dunk Low Retro White Black', 'sneakers', '270', 139000, ${rank},
             case when ${rank} >= 1 then now() end
      from src
    ), ${historyOf(sql, input.centerId, life[type].slice(0, rank + 1))},
    shipments_ as (
      insert into shipments (center_id, item_id, destination, recipient, reason, ship_by, status, carrier, tracking_number, packed_by, packed_at)
      select ${input.centerId}, item_id, 'buyer', jsonb_build_object('id', 'B-' || external_id, 'name', 'Bench buyer', 'address', 'Seoul'), 'trade_passed', now() + interval '1 day',
             case when ${rank} = 5 then 'packed' else 'open' end, case when ${rank} = 5 then 'HANJIN' end,
             case when ${rank} = 5 then 'HP' || replace(${tag}, '-', 'Y') || 'X' || k end, case when ${rank} = 5 then owner end, case when ${rank} = 5 then now() end
      from src where ${outbound}
    ), inspections_ as (
      -- Every checklist point answered "ok", as the inspector's taps leave it before the verdict.
      insert into inspections (id, item_id, center_id, inspector_id, status, checklist_id, results, verdict, submitted_at)
      select insp_id, item_id, ${input.centerId}, owner, case when ${rank} = 2 then 'open' else 'done' end, ck.id, ck.results,
             case when ${rank} > 2 then 'pass' end, case when ${rank} > 2 then now() end
      from src cross join lateral (
        select c.id, (select coalesce(jsonb_agg(jsonb_build_object('key', p->>'key', 'ok', true)), '[]'::jsonb) from jsonb_array_elements(c.points) p) as results
        from checklists c where c.center_id = ${input.centerId} and c.category = 'sneakers' and c.active order by c.version desc limit 1
      ) ck
      where ${rank} >= 2
    )
    select item_id, code, parcel_id, external_id, insp_id, 'HP' || replace(${tag}, '-', 'Y') || 'X' || k as tracking, owner from src order by k`;
  // Packed parcels go onto a carrier manifest: one open manifest per station (owner).
  const manifestOf = new Map<string, string>();
  if (rank === 5) {
    const owners = [...new Set(input.owners)];
    const made = await sql`
      insert into manifests (center_id, carrier, created_by) select ${input.centerId}, 'HANJIN', o::uuid from unnest(${owners}::text[]) o returning id, created_by`;
    for (const m of made) manifestOf.set(m.created_by as string, m.id as string);
  }
  return rows.map((r) => ({
    itemId: r.item_id as string,
    itemCode: rank >= 1 ? (r.code as string) : null,
    parcelId: r.parcel_id as string,
    orderExternalId: r.external_id as string,
    inspectionId: rank === 2 ? (r.insp_id as string) : null,
    ...(rank === 5 ? { trackingNumber: r.tracking as string, manifestId: manifestOf.get(r.owner as string) } : {}),
  }));
}

/** Bin codes of a center, for bin lookups. */
export async function sampleBinCodes(sql: postgres.Sql, centerId: string, count: number): Promise<string[]> {
  const rows = await sql`select code from bins where center_id = ${centerId} order by md5(code) limit ${count}`;
  return rows.map((r) => r.code as string);
}

/** Item codes of a center's labelled items, for lookups (a random sample over all of history). */
export async function sampleItemCodes(sql: postgres.Sql, centerId: string, count: number): Promise<string[]> {
  const rows = await sql`
    select code from items tablesample system (2) where center_id = ${centerId} and code is not null limit ${count}`;
  return rows.map((r) => r.code as string);
}

/** A unit for the picking station: a sold storage item in its bin, on a one-line pick list its picker holds. */
export type PickUnit = Unit & { binCode: string; pickListId: string };

let pickBatch = 0;

/**
 * Makes `owners.length` sold storage items (state awaiting_pick, with the history that implies),
 * each stored in a free S bin of the center (occupancy raised to match) and on its own pick list,
 * already claimed by its owner with one pending line. Done in one statement, outside any timing.
 */
export async function preparePickUnits(sql: postgres.Sql, input: { centerId: string; owners: string[] }): Promise<PickUnit[]> {
  if (input.owners.length === 0) return [];
  const tag = `${runTag}-P${++pickBatch}`;
  const codes = input.owners.map(() => generateItemCode());
  const rows = await sql`
    with free as materialized (
      select id as bin_id, code as bin_code, row_number() over (order by pick_sequence, id) as k
      from bins where center_id = ${input.centerId} and size_class = 'S' and active and occupied < capacity
      order by pick_sequence, id limit ${input.owners.length}
    ), base as (
      select coalesce(max(number), 0) as n from pick_lists where center_id = ${input.centerId}
    ), src as materialized (
      select u.k, gen_random_uuid() as item_id, gen_random_uuid() as order_id, gen_random_uuid() as line_id,
             gen_random_uuid() as parcel_id, gen_random_uuid() as list_id, u.code, u.owner::uuid as owner, f.bin_id, f.bin_code,
             'BENCH-K' || ${tag} || '-' || u.k as external_id, 'BK' || ${tag} || 'X' || u.k as tracking, base.n + u.k as list_no
      from unnest(${codes}::text[], ${input.owners}::text[]) with ordinality as u(code, owner, k)
      join free f on f.k = u.k cross join base
    ), ${receivedOrder(sql, input.centerId, "storage")},
    items_ as (
      insert into items (id, code, center_id, order_id, order_line_id, parcel_id, type, state, destination, bin_id, stored_at, sku, product_name, category, size, price, version, received_at)
      select item_id, code, ${input.centerId}, order_id, line_id, parcel_id, 'storage', 'awaiting_pick', 'buyer', bin_id, now(),
             'DD1391-100', 'Nike Dunk Low Retro White Black', 'sneakers', '270', 139000, 6, now()
      from src
    ), occupancy as (
      update bins set occupied = occupied + 1 where id in (select bin_id from src)
    ), stays as (
      -- Put away and sold in this history (its events at now()): the stay applyTransition would keep.
      insert into storage_stays (item_id, center_id, seller_id, seller_name, sku, category_class, stored_at, ended_at)
      select item_id, ${input.centerId}, 'S1', 'Bench seller', 'DD1391-100', 'S', now(), now() from src
    ), ${historyOf(sql, input.centerId, life.storage)},
    inspections_ as (
      insert into inspections (item_id, center_id, inspector_id, status, checklist_id, verdict, submitted_at)
      select item_id, ${input.centerId}, owner, 'done',
             (select id from checklists where center_id = ${input.centerId} and category = 'sneakers' and active order by version desc limit 1), 'pass', now()
      from src
    ), shipments_ as (
      insert into shipments (center_id, item_id, destination, recipient, reason, ship_by)
      select ${input.centerId}, item_id, 'buyer', jsonb_build_object('id', 'B-' || external_id, 'name', 'Bench buyer', 'address', 'Seoul'), 'storage_sold', now() + interval '2 days' from src
    ), lists as (
      insert into pick_lists (id, center_id, number, status, claimed_by, claimed_at)
      select list_id, ${input.centerId}, list_no, 'claimed', owner, now() from src
    ), picklines as (
      insert into pick_lines (pick_list_id, center_id, item_id, bin_id, sequence)
      select list_id, ${input.centerId}, item_id, bin_id, 1 from src
    )
    select item_id, code, parcel_id, external_id, bin_code, list_id from src order by k`;
  if (rows.length < input.owners.length) throw new Error(`only ${rows.length} free S bins for ${input.owners.length} pick units`);
  return rows.map((r) => ({
    itemId: r.item_id as string,
    itemCode: r.code as string,
    parcelId: r.parcel_id as string,
    orderExternalId: r.external_id as string,
    inspectionId: null,
    binCode: r.bin_code as string,
    pickListId: r.list_id as string,
  }));
}

let binBatch = 0;

/**
 * Empty S bins at the head of a center's pick path, for a putaway phase of `units` items: the bins
 * the suggestion looks at first (the first few with room along the path) are these, so each unit
 * goes into a bin with room, as on a floor whose storage is not full. Without them every phase put
 * its units into the same first bins of the path, which the earlier runs had filled: most putaways
 * on both sides were refused with `conflict:bin_full`. Capacity is the data's for S bins (20), with
 * room for a quarter more than `units`; a refusal stays possible (stations racing for a bin's last
 * slot) and is counted. Made for each phase, before either side runs, outside any timing.
 */
export async function preparePutawayBins(sql: postgres.Sql, input: { centerId: string; units: number }): Promise<number> {
  const capacity = 20;
  const count = Math.ceil((input.units * 1.25) / capacity) + 8;
  const tag = `${runTag}Y${++binBatch}`;
  const made = await sql`
    with head as (
      select coalesce(min(pick_sequence), 0) as first from bins where center_id = ${input.centerId}
    ), zone as (
      select id from zones where center_id = ${input.centerId} order by code limit 1
    )
    insert into bins (center_id, zone_id, code, size_class, capacity, pick_sequence)
    select ${input.centerId}, zone.id, 'BIN-P' || ${tag} || '-' || k || '-1-1', 'S', ${capacity}, head.first - ${count} - 1 + k
    from generate_series(1, ${count}) k, head, zone
    returning id`;
  return made.length;
}
