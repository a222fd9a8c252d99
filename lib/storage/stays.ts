import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { sizeClassSql } from "./size-class";

/**
 * The storage stays table (`storage_stays`) is kept by a database trigger on `items`
 * (`storage_stays_keep`, db/migrations-extra/storage-stays-trigger.sql) in the transaction of every
 * change of state: into `stored` by putaway starts a stay (with the order's seller), a sale,
 * withdrawal or mark-missing ends it at the transaction's time (the time of their audit row), found
 * reopens it. So the table cannot disagree with the items, and no transition pays a statement for it.
 */

/** An item's class by its category and size alone (`sizeClassOf` without a catalog product), over `items i`. */
const categoryClass = sizeClassSql(sql`null::text`, sql`i.category`, sql`i.size`);

/**
 * Each put-away item's stay as its history says it is (over `items i` ⋈ `inbound_orders o`): the
 * end is never set while it is stored, a missing item's is its last mark-missing, otherwise its
 * sale or withdrawal (only a stored item can be sold or withdrawn, and it never comes back to
 * storage after: so there is one, after the putaway, whatever the clocks say; `stored_at` is the
 * app's clock, the events' times the database's). The invariant checker compares the table with it; a
 * database filled by SQL (the bench data) fills the table from it.
 */
export const stayFromHistorySql = sql`
  select i.id as item_id, i.center_id, o.seller->>'id' as seller_id, o.seller->>'name' as seller_name, i.sku, ${categoryClass} as category_class, i.stored_at,
    (case when i.state = 'stored' then null
      when i.state = 'missing' then (select max(e.created_at) from item_events e where e.item_id = i.id and e.action = 'mark_missing')
      else (select min(e.created_at) from item_events e where e.item_id = i.id and e.action in ('sell', 'withdraw')) end) as ended_at
  from items i join inbound_orders o on o.id = i.order_id
  where i.stored_at is not null`;

/** Fills (or corrects) the stays of items put away, from their history; `where` limits the items (over `i`). */
export async function restampStays(q: Queryable, where: SQL = sql`true`): Promise<void> {
  await q.execute(sql`
    insert into storage_stays (item_id, center_id, seller_id, seller_name, sku, category_class, stored_at, ended_at)
    select * from (${stayFromHistorySql} and ${where}) h
    on conflict (item_id) do update set center_id = excluded.center_id, seller_id = excluded.seller_id, seller_name = excluded.seller_name,
      sku = excluded.sku, category_class = excluded.category_class, stored_at = excluded.stored_at, ended_at = excluded.ended_at`);
}
