import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/result-rows";
import { transitionTable } from "@/lib/items/transitions";
import { stayFromHistorySql } from "@/lib/storage/stays";

/** One broken rule, with up to a few examples (ids) to look at. */
export type Breach = { rule: string; count: number; examples: unknown[] };
export type InvariantReport = { ok: boolean; checked: string[]; skipped: string[]; breaches: Breach[] };

type Rule = {
  name: string;
  /** Tables the rule reads; a rule whose tables do not exist (yet) is skipped, not failed. */
  tables: string[];
  /** Rows that break the rule; `scope(alias)` limits a table alias's rows to the centers checked. */
  query: (scope: (alias: string) => SQL) => SQL;
};

// A transition is an event applyTransition wrote: an action of the transition table (a move stays
// "stored" and is one); announce (from null) and notes/photos/prints (recordItemEvent) are not.
const transitionActions = sql.join([...new Set(transitionTable.map((r) => r.action))].map((a) => sql`${a}`), sql`, `);
const isTransition = sql`(e.from_state is not null and e.action in (${transitionActions}))`;

const rules: Rule[] = [
  {
    name: "item state equals its last transition's to_state",
    tables: ["items", "item_events"],
    query: (scope) => sql`
      select i.id, i.state, last.to_state
      from items i
      join lateral (select e.to_state from item_events e where e.item_id = i.id and e.to_state is not null order by e.id desc limit 1) last on true
      where ${scope("i")} and last.to_state <> i.state`,
  },
  {
    name: "event chain unbroken (each transition starts where the previous one ended)",
    tables: ["items", "item_events"],
    query: (scope) => sql`
      select id, item_id, from_state, previous_to from (
        select e.id, e.item_id, e.from_state, lag(e.to_state) over (partition by e.item_id order by e.id) as previous_to
        from item_events e join items i on i.id = e.item_id
        where ${scope("i")} and e.to_state is not null and e.from_state is not null
      ) chain
      where previous_to is not null and from_state <> previous_to`,
  },
  {
    name: "version equals the number of transitions",
    tables: ["items", "item_events"],
    query: (scope) => sql`
      select i.id, i.version, count(e.id) as transitions
      from items i left join item_events e on e.item_id = i.id and ${isTransition}
      where ${scope("i")}
      group by i.id, i.version
      having count(e.id) <> i.version`,
  },
  {
    name: "one outbox event per transition",
    tables: ["items", "item_events", "outbox_events"],
    query: (scope) => sql`
      select i.id, t.n as transitions, coalesce(o.n, 0) as outbox
      from items i
      join (select e.item_id, count(*) as n from item_events e where ${isTransition} group by e.item_id) t on t.item_id = i.id
      left join (
        select item_id, count(*) as n from outbox_events
        where item_id is not null and payload->>'from' is not null and type in (select 'item.' || a from unnest(array[${transitionActions}]::text[]) a)
        group by item_id
      ) o on o.item_id = i.id
      where ${scope("i")} and t.n <> coalesce(o.n, 0)`,
  },
  {
    name: "an open inspection exactly for the items in inspection",
    tables: ["items", "inspections"],
    query: (scope) => sql`
      select i.id, i.state, count(n.id) as open_inspections
      from items i left join inspections n on n.item_id = i.id and n.status = 'open'
      where ${scope("i")} and (i.version > 0 or i.state <> 'in_inspection')
      group by i.id, i.state
      having (i.state = 'in_inspection' and count(n.id) <> 1) or (i.state <> 'in_inspection' and count(n.id) > 0)`,
  },
  {
    name: "bin occupancy equals the items in the bin",
    tables: ["bins", "items"],
    query: (scope) => sql`
      select b.id, b.code, b.occupied, count(i.id) as items
      from bins b left join items i on i.bin_id = b.id
      where ${scope("b")}
      group by b.id, b.code, b.occupied
      having b.occupied <> count(i.id)`,
  },
  {
    name: "no bin over capacity",
    tables: ["bins"],
    query: (scope) => sql`select b.id, b.code, b.occupied, b.capacity from bins b where ${scope("b")} and (b.occupied > b.capacity or b.occupied < 0)`,
  },
  {
    name: "every dispatched item is on a closed manifest",
    tables: ["items", "shipments", "manifests"],
    query: (scope) => sql`
      select i.id from items i
      where ${scope("i")} and i.state = 'dispatched'
        and exists (select 1 from item_events e where e.item_id = i.id and e.action = 'dispatch')
        and not exists (
          select 1 from shipments s join manifests m on m.id = s.manifest_id
          where s.item_id = i.id and s.status = 'dispatched' and m.status = 'closed'
        )`,
  },
  {
    // The fee report reads storage_stays; each row must be what the item, its order and its events say.
    name: "each storage stay equals the one recomputed from its item, order and events",
    tables: ["storage_stays", "items", "item_events", "inbound_orders"],
    query: (scope) => sql`
      select coalesce(s.item_id, h.item_id) as item_id, s.stored_at as kept_stored_at, h.stored_at, s.ended_at as kept_ended_at, h.ended_at, s.seller_id as kept_seller, h.seller_id
      from (select s.* from storage_stays s where ${scope("s")}) s
      full join (select h.* from (${stayFromHistorySql}) h join items i on i.id = h.item_id where ${scope("i")} and i.version > 0) h on h.item_id = s.item_id
      where s.item_id is null or h.item_id is null
        or (s.center_id, s.seller_id, s.seller_name, s.sku, s.category_class, s.stored_at, s.ended_at)
          is distinct from (h.center_id, h.seller_id, h.seller_name, h.sku, h.category_class, h.stored_at, h.ended_at)`,
  },
  {
    name: "rollups equal the counts recomputed from the base tables",
    tables: ["rollup_counts", "rollup_deltas", "items", "item_events", "inspections"],
    query: (scope) => sql`
      select coalesce(r.center_id, t.center_id) as center_id, coalesce(r.figure, t.figure) as figure, coalesce(r.period, t.period) as period,
        coalesce(r.label, t.label) as label, coalesce(r.sku, t.sku) as sku, coalesce(r.category, t.category) as category, r.n::int as rollup, t.n::int as truth
      from (select * from rollup_current c where ${scope("c")}) r
      full join (select * from rollup_truth c where ${scope("c")}) t
        on t.center_id = r.center_id and t.figure = r.figure and t.period = r.period and t.label = r.label and t.sku = r.sku and t.category = r.category
      where r.n is distinct from t.n`,
  },
];

async function existingTables(db: Queryable): Promise<Set<string>> {
  const result = await db.execute(sql`select table_name from information_schema.tables where table_schema = current_schema()`);
  return new Set(rowsOf(result).map((r) => String(r.table_name)));
}

/**
 * Checks the rules every state change must keep (DESIGN.md, issue #14), over the whole database or
 * the given centers: item state = its last event's to_state, unbroken event chains, version =
 * number of transitions, one outbox event per transition, an open inspection exactly for items in
 * inspection, bin occupancy = its items (an item has one bin column, so it is in at most one bin),
 * every dispatched item on a closed manifest (read from the shipments and manifests tables, not
 * from what the dispatch event says), each storage stay (the fee report's table) equal to its
 * item's history, and the desk's rollups (lib/rollups) equal to the counts
 * recomputed from the base tables. Items made directly in a state
 * with no history (test fixtures, version 0, no events) are taken as they are.
 */
export async function checkInvariants(db: Queryable, options: { centerIds?: string[]; examples?: number } = {}): Promise<InvariantReport> {
  const tables = await existingTables(db);
  const limit = options.examples ?? 5;
  const centerIds = options.centerIds ?? [];
  const scope = (alias: string) =>
    centerIds.length ? sql`${sql.raw(alias)}.center_id in (${sql.join(centerIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`true`;
  const report: InvariantReport = { ok: true, checked: [], skipped: [], breaches: [] };
  for (const rule of rules) {
    if (!rule.tables.every((t) => tables.has(t))) {
      report.skipped.push(rule.name);
      continue;
    }
    const query = rule.query(scope);
    const rows = rowsOf(await db.execute(sql`select * from (${query}) breach limit ${limit + 1}`));
    report.checked.push(rule.name);
    if (rows.length > 0) {
      const [{ n }] = rowsOf(await db.execute(sql`select count(*)::int as n from (${query}) breach`));
      report.breaches.push({ rule: rule.name, count: Number(n), examples: rows.slice(0, limit) });
    }
  }
  report.ok = report.breaches.length === 0;
  return report;
}

/** A readable summary, one line per rule. */
export function formatInvariantReport(report: InvariantReport): string {
  const lines = report.checked.map((rule) => {
    const breach = report.breaches.find((b) => b.rule === rule);
    return breach ? `BREACH  ${rule}: ${breach.count} (e.g. ${JSON.stringify(breach.examples.slice(0, 3))})` : `ok      ${rule}`;
  });
  for (const rule of report.skipped) lines.push(`skipped ${rule} (tables not present)`);
  return lines.join("\n");
}
