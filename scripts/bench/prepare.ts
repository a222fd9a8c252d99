import type postgres from "postgres";
import { generateItemCode } from "@/lib/scan-codes/item-code";

/** One unit of work for a station: an item in the state the measured action starts from. */
export type Unit = { itemId: string; itemCode: string | null; parcelId: string; orderExternalId: string; inspectionId: string | null };

export type PrepareState = "expected" | "received" | "in_inspection" | "awaiting_putaway";

let batch = 0;
const runTag = Date.now().toString(36).toUpperCase();

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
  const rank = { expected: 0, received: 1, in_inspection: 2, awaiting_putaway: 4 }[input.state];
  const type = rank === 4 ? "storage" : (input.type ?? "trade");
  const rows = await sql`
    with src as materialized (
      select k, gen_random_uuid() as item_id, gen_random_uuid() as order_id, gen_random_uuid() as line_id,
             gen_random_uuid() as parcel_id, gen_random_uuid() as insp_id, code, owner::uuid as owner,
             'BENCH-R' || ${tag} || '-' || k as external_id, 'BR' || ${tag} || 'X' || k as tracking
      from unnest(${codes}::text[], ${input.owners}::text[]) with ordinality as u(code, owner, k)
    ), orders as (
      insert into inbound_orders (id, center_id, external_id, type, seller, buyer, tracking_number)
      select order_id, ${input.centerId}, external_id, ${type}, '{"id":"S1","name":"Bench seller"}'::jsonb,
             case when ${type} = 'trade' then '{"id":"B1","name":"Bench buyer","address":"Seoul"}'::jsonb end, tracking
      from src
    ), lines as (
      insert into order_lines (id, order_id, line_no, sku, product_name, category, size, price)
      select line_id, order_id, 1, 'DD1391-100', 'Nike Dunk Low Retro White Black', 'sneakers', '270', 139000 from src
    ), parcels_ as (
      insert into parcels (id, center_id, tracking_number, order_id, status, station)
      select parcel_id, ${input.centerId}, tracking, order_id, 'received', 'BENCH-PREP' from src
    ), items_ as (
      insert into items (id, code, center_id, order_id, order_line_id, parcel_id, type, state, sku, product_name, category, size, price, version, received_at)
      select item_id, case when ${rank} >= 1 then code end, ${input.centerId}, order_id, line_id, case when ${rank} >= 1 then parcel_id end,
             ${type}, ${input.state}, 'DD1391-100', 'Nike Dunk Low Retro White Black', 'sneakers', '270', 139000, ${rank},
             case when ${rank} >= 1 then now() end
      from src
    ), events as (
      insert into item_events (item_id, center_id, action, from_state, to_state, station, details)
      select item_id, ${input.centerId}, s.action, s.from_state, s.to_state, 'BENCH-PREP', '{}'::jsonb
      from src, (values (0, 'announce', null, 'expected'), (1, 'receive', 'expected', 'received'), (2, 'claim', 'received', 'in_inspection'),
                        (3, 'pass', 'in_inspection', 'passed'), (4, 'route_storage', 'passed', 'awaiting_putaway'))
                 as s(step, action, from_state, to_state)
      where s.step <= ${rank}
    ), outbox as (
      insert into outbox_events (center_id, item_id, type, payload)
      select ${input.centerId}, item_id, 'item.' || s.action,
             jsonb_build_object('itemId', item_id, 'itemCode', case when ${rank} >= 1 then code end, 'orderExternalId', external_id,
                                'action', s.action, 'from', s.from_state, 'to', s.to_state, 'at', now(), 'actorKind', 'staff')
      from src, (values (1, 'receive', 'expected', 'received'), (2, 'claim', 'received', 'in_inspection'),
                        (3, 'pass', 'in_inspection', 'passed'), (4, 'route_storage', 'passed', 'awaiting_putaway'))
                 as s(step, action, from_state, to_state)
      where s.step <= ${rank}
    ), inspections_ as (
      insert into inspections (id, item_id, center_id, inspector_id, status, checklist_id, verdict, submitted_at)
      select insp_id, item_id, ${input.centerId}, owner, case when ${rank} = 2 then 'open' else 'done' end,
             (select id from checklists where center_id = ${input.centerId} and category = 'sneakers' and active order by version desc limit 1),
             case when ${rank} > 2 then 'pass' end, case when ${rank} > 2 then now() end
      from src where ${rank} >= 2
    )
    select item_id, code, parcel_id, external_id, insp_id from src order by k`;
  return rows.map((r) => ({
    itemId: r.item_id as string,
    itemCode: rank >= 1 ? (r.code as string) : null,
    parcelId: r.parcel_id as string,
    orderExternalId: r.external_id as string,
    inspectionId: rank === 2 ? (r.insp_id as string) : null,
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
