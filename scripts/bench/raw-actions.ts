import type postgres from "postgres";
import { hashApiToken } from "@/lib/api/tokens";
import { generateItemCode } from "@/lib/scan-codes/item-code";
import { chooseBin } from "@/lib/storage/suggestion-rule";
import { benchApiToken } from "./bench-identities";
import type { PickUnit, Unit } from "./prepare";

/**
 * The same transactions as Legit's actions, written by hand straight against PostgreSQL through
 * postgres.js (its tagged queries are prepared statements): the same rows read, locked and written,
 * the same answer data read back, and nothing else. This is the limit the app is compared with.
 */
export type RawWorker = { userId: string; centerId: string; centerCode: string; station: string };

class Refused extends Error {}

/**
 * A transaction as the app's runs it (db/reserved-transactions.ts, lib/scans/with-scan-id.ts): on a
 * reserved connection, BEGIN sent with the first statement instead of awaited before it, and the
 * scan id's answer, the last statement, sent with COMMIT (`lastly`) instead of awaited before it.
 */
export async function inTransaction(
  sql: postgres.Sql,
  work: (tx: postgres.ReservedSql, lastly: (query: postgres.PendingQuery<postgres.Row[]>) => void) => Promise<void>,
): Promise<void> {
  const tx = await sql.reserve();
  try {
    const begun = tx.unsafe("begin").execute();
    begun.catch(() => undefined);
    let last: Promise<unknown> | undefined;
    try {
      await work(tx, (query) => {
        last = query.execute();
        last.catch(() => undefined);
      });
      await begun;
      await tx.unsafe("commit");
      await last;
    } catch (error) {
      await tx.unsafe("rollback").catch(() => undefined);
      throw error;
    }
  } finally {
    tx.release();
  }
}

/**
 * A transition as Legit's applyTransition writes it, in one statement: the audit row and the outbox
 * event in a `with`, then `update` (the item's update at the version it was locked at).
 */
function rawTransitionWrite(
  tx: postgres.ReservedSql,
  w: RawWorker,
  t: { itemId: string; centerId: string; action: string; from: string; to: string; details: object; payload: object },
  update: postgres.PendingQuery<postgres.Row[]>,
) {
  return tx`
    with audit as (
      insert into item_events (item_id, center_id, action, from_state, to_state, actor_user_id, station, details)
      values (${t.itemId}, ${t.centerId}, ${t.action}, ${t.from}, ${t.to}, ${w.userId}, ${w.station}, ${tx.json(t.details as postgres.JSONValue)})
    ), outbox as (
      insert into outbox_events (center_id, item_id, type, payload) values (${t.centerId}, ${t.itemId}, ${"item." + t.action}, ${tx.json(t.payload as postgres.JSONValue)})
    )
    ${update}`;
}

export async function rawLookup(sql: postgres.Sql, w: RawWorker, code: string): Promise<void> {
  const [row] = await sql`
    select i.*, p.name_en, p.brand, p.image_url, l.line_no, o.external_id, pa.tracking_number
    from items i
    left join products p on p.sku = i.sku
    left join order_lines l on l.id = i.order_line_id
    join inbound_orders o on o.id = i.order_id
    left join parcels pa on pa.id = i.parcel_id
    where i.center_id = ${w.centerId} and i.code = ${code}`;
  if (!row) throw new Refused("no such item");
}

export async function rawReceive(sql: postgres.Sql, w: RawWorker, unit: Unit, scanId: string): Promise<void> {
  await inTransaction(sql, async (tx, lastly) => {
    await tx`insert into scan_requests (scan_id, user_id, kind) values (${scanId}, ${w.userId}, 'receiving.unit')`;
    const [item] = await tx`select id, state, version, order_id, code, received_at, now() as now from items where id = ${unit.itemId} and center_id = ${w.centerId} for update`;
    if (!item) throw new Refused("no such unit");
    // The parcel, and the unit's order if the parcel is for it, in one read (as receiveUnit reads them).
    const [parcel] = await tx`
      select p.id, p.status, p.tracking_number, p.order_id, o.id as the_order_id, o.external_id, c.timezone
      from parcels p
      left join inbound_orders o on o.center_id = p.center_id and o.id = ${item.order_id}
        and (o.tracking_number = p.tracking_number or o.id = p.order_id or o.id in (select order_id from items where parcel_id = p.id))
      left join centers c on c.id = o.center_id
      where p.id = ${unit.parcelId} and p.center_id = ${w.centerId}`;
    if (!parcel || item.state !== "expected" || !parcel.the_order_id) throw new Refused("not receivable");
    const order = { id: parcel.the_order_id as string, external_id: parcel.external_id as string };
    const code = generateItemCode();
    const details = { station: w.station, operatorId: w.userId, parcelId: parcel.id, trackingNumber: parcel.tracking_number };
    const payload = { itemId: item.id, itemCode: code, orderExternalId: order.external_id, action: "receive", from: "expected", to: "received", at: item.now.toISOString(), actorKind: "staff", ...details };
    await rawTransitionWrite(tx, w, { itemId: item.id, centerId: w.centerId, action: "receive", from: "expected", to: "received", details, payload }, tx`
      update items set state = 'received', code = ${code}, parcel_id = ${parcel.id}, received_at = now(), version = version + 1, updated_at = now()
      where id = ${item.id} and version = ${item.version}`);
    const [counts] = await tx`
      select count(*) filter (where received_at is not null) as received, count(*) filter (where state = 'expected') as to_receive, count(*) as announced
      from items where order_id = ${order.id} and not unexpected`;
    const answer = { outcome: "received", itemId: item.id, code, counts };
    lastly(tx`update scan_requests set response = ${tx.json({ ok: answer })} where scan_id = ${scanId}`);
  });
}

export async function rawClaim(sql: postgres.Sql, w: RawWorker, unit: Unit, scanId: string): Promise<void> {
  await inTransaction(sql, async (tx, lastly) => {
    await tx`insert into scan_requests (scan_id, user_id, kind) values (${scanId}, ${w.userId}, 'inspection.claim')`;
    const [item] = await tx`
      select i.id, i.state, i.category, i.code, i.return_to_seller, i.version, o.external_id, now() as now
      from items i join inbound_orders o on o.id = i.order_id
      where i.code = ${unit.itemCode} and i.center_id = ${w.centerId} for update of i`;
    if (!item || item.state !== "received" || item.return_to_seller) throw new Refused("not claimable");
    const payload = { itemId: item.id, itemCode: item.code, orderExternalId: item.external_id, action: "claim", from: "received", to: "in_inspection", at: item.now.toISOString(), actorKind: "staff" };
    await rawTransitionWrite(tx, w, { itemId: item.id, centerId: w.centerId, action: "claim", from: "received", to: "in_inspection", details: {}, payload }, tx`
      update items set state = 'in_inspection', version = version + 1, updated_at = now() where id = ${item.id} and version = ${item.version}`);
    const [inspection] = await tx`
      insert into inspections (item_id, center_id, inspector_id, checklist_id, status)
      values (${item.id}, ${w.centerId}, ${w.userId},
              (select id from checklists where center_id = ${w.centerId} and category = ${item.category} and active order by version desc limit 1), 'open')
      returning id, claimed_at`;
    const answer = { inspectionId: inspection.id, itemId: item.id, itemCode: item.code, claimedAt: inspection.claimed_at, reopened: false, tookOverFrom: null };
    lastly(tx`update scan_requests set response = ${tx.json({ ok: answer })} where scan_id = ${scanId}`);
  });
}

export async function rawVerdict(sql: postgres.Sql, w: RawWorker, unit: Unit, scanId: string): Promise<void> {
  await inTransaction(sql, async (tx, lastly) => {
    await tx`insert into scan_requests (scan_id, user_id, kind) values (${scanId}, ${w.userId}, 'inspection.verdict')`;
    const [item] = await tx`
      select i.id, i.state, i.type, i.code, i.price, i.version, i.order_id, o.external_id, now() as now from items i join inbound_orders o on o.id = i.order_id
      where i.id in (select item_id from inspections where id = ${unit.inspectionId} and center_id = ${w.centerId}) for update of i`;
    // The inspection's lock, with what the verdict is judged by: settings, reason codes, photos, checklist.
    const [inspection] = await tx`
      select i.id, i.status, i.inspector_id, i.claimed_at, i.results,
             (select settings from centers where id = ${w.centerId}) as settings,
             (select json_agg(json_build_object('code', r.code, 'verdicts', r.verdicts, 'active', r.active, 'category', r.category)) from reason_codes r where r.center_id = ${w.centerId}) as reasons,
             (select count(*)::int from inspection_photos p where p.inspection_id = i.id) as photos,
             (select c.points from checklists c where c.id = i.checklist_id) as points
      from inspections i where i.id = ${unit.inspectionId} for update of i`;
    if (!item || item.state !== "in_inspection" || inspection.status !== "open" || inspection.inspector_id !== w.userId) throw new Refused("not open");
    const answered = new Set((inspection.results ?? []).map((r: { key: string }) => r.key));
    if (inspection.points?.some((p: { key: string; required?: boolean }) => p.required !== false && !answered.has(p.key))) throw new Refused("checklist");
    if (item.price >= inspection.settings.fourEyesPrice) throw new Refused("four eyes");
    const trade = item.type === "trade";
    const route = trade ? ["route_trade", "awaiting_pack"] : ["route_storage", "awaiting_putaway"];
    const details = { inspectionId: inspection.id, verdict: "pass", reasonCodes: [] };
    const base = { itemId: item.id, itemCode: item.code, orderExternalId: item.external_id, at: item.now.toISOString(), actorKind: "staff", ...details };
    // One statement per transition, as applyTransition writes it: audit row and outbox event in a `with`, then the update.
    await rawTransitionWrite(tx, w, { itemId: item.id, centerId: w.centerId, action: "pass", from: "in_inspection", to: "passed", details, payload: { ...base, action: "pass", from: "in_inspection", to: "passed" } }, tx`
      update items set state = 'passed', version = version + 1, updated_at = now() where id = ${item.id} and version = ${item.version}`);
    await rawTransitionWrite(tx, w, { itemId: item.id, centerId: w.centerId, action: route[0], from: "passed", to: route[1], details, payload: { ...base, action: route[0], from: "passed", to: route[1] } }, tx`
      update items set state = ${route[1]}, destination = ${trade ? "buyer" : null}, version = version + 1, updated_at = now(), queue_entered_at = now()
      where id = ${item.id} and version = ${item.version + 1}`);
    // A passed trade item leaves for its buyer: its shipment, the recipient read from the order in the same statement.
    if (trade) {
      await tx`
        insert into shipments (center_id, item_id, destination, recipient, reason, reason_details, ship_by)
        select ${w.centerId}, ${item.id}, 'buyer', coalesce(o.buyer, '{"id":"unknown","name":"?"}'::jsonb), 'trade_passed', ${tx.json(details)}, now() + interval '24 hours'
        from inbound_orders o where o.id = ${item.order_id}
        on conflict do nothing`;
    }
    await tx`
      update inspections set verdict = 'pass', reason_codes = '[]', note = null, submitted_at = now(),
             duration_ms = least(2147483647, (extract(epoch from now() - claimed_at) * 1000)::int), status = 'done'
      where id = ${inspection.id}`;
    lastly(tx`update scan_requests set response = ${tx.json({ ok: { inspectionId: inspection.id, itemState: route[1] } })} where scan_id = ${scanId}`);
  });
}

export async function rawAnnounce(sql: postgres.Sql, w: RawWorker, externalId: string): Promise<void> {
  // As the API does: the caller by its token's hash, then its own externalId (unique per client).
  const [client] = await sql`select id, center_ids, revoked_at from api_clients where token_hash = ${hashApiToken(benchApiToken)}`;
  const [center] = await sql`select id, code from centers where code = ${w.centerCode}`;
  const [earlier] = await sql`select id from inbound_orders where api_client_id = ${client.id} and external_id = ${externalId}`;
  if (earlier) throw new Refused("exists");
  // As Legit does, the answer comes from the rows the transaction wrote (returning), not read back.
  await inTransaction(sql, async (tx, lastly) => {
    const [order] = await tx`
      insert into inbound_orders (center_id, external_id, type, seller, buyer, tracking_number, request_hash, api_client_id)
      values (${center.id}, ${externalId}, 'trade', ${tx.json({ id: "S1", name: "Bench seller" })},
              ${tx.json({ id: "B1", name: "Bench buyer", address: "Seoul" })}, null, 'raw', ${client.id})
      returning id, external_id, type, tracking_number, created_at`;
    const [line] = await tx`
      insert into order_lines (order_id, line_no, sku, product_name, category, size, price)
      values (${order.id}, 1, 'DD1391-100', 'Nike Dunk Low Retro White Black', 'sneakers', '270', 139000) returning id, line_no`;
    const [item] = await tx`
      insert into items (center_id, order_id, order_line_id, type, state, sku, product_name, category, size, price)
      values (${center.id}, ${order.id}, ${line.id}, 'trade', 'expected', 'DD1391-100', 'Nike Dunk Low Retro White Black', 'sneakers', '270', 139000)
      returning id, sku, size, state, product_name, category, price`;
    await tx`
      insert into item_events (item_id, center_id, action, from_state, to_state, details)
      values (${item.id}, ${center.id}, 'announce', null, 'expected', ${tx.json({ orderExternalId: externalId })})`;
    lastly(tx`
      insert into outbox_events (center_id, type, payload) values (${center.id}, 'order.announced',
        ${tx.json({ orderExternalId: externalId, orderType: "trade", trackingNumber: null, items: [{ itemId: item.id, lineNo: 1, sku: item.sku, size: item.size, state: item.state }] })})`);
  });
}

/** applyTransition's own statements, as one transaction: the lock (with the order's id), then the update with its audit row and outbox event. */
export async function rawTransition(sql: postgres.Sql, w: RawWorker, itemId: string, action: string, from: string, to: string): Promise<void> {
  await inTransaction(sql, async (tx) => {
    const [current] = await tx`select i.*, o.external_id, now() as now from items i join inbound_orders o on o.id = i.order_id where i.id = ${itemId} for update of i`;
    if (!current || current.state !== from) throw new Refused("state");
    const payload = { itemId, itemCode: current.code, orderExternalId: current.external_id, action, from, to, at: current.now.toISOString(), actorKind: "staff" };
    await rawTransitionWrite(tx, w, { itemId, centerId: current.center_id, action, from, to, details: {}, payload }, tx`
      update items set state = ${to}, version = version + 1, updated_at = now() where id = ${itemId} and version = ${current.version} returning *`);
  });
}

export async function rawBinLookup(sql: postgres.Sql, w: RawWorker, code: string): Promise<void> {
  const [bin] = await sql`
    select b.*, z.code as zone_code, z.name as zone_name from bins b join zones z on z.id = b.zone_id
    where b.center_id = ${w.centerId} and b.code = ${code}`;
  if (!bin) throw new Refused("no such bin");
  await sql`select id, code, product_name, size, stored_at from items where bin_id = ${bin.id} order by stored_at`;
}

/** Scan the item (read it and the suggested bin), then scan the bin (put it away), as the putaway station does. */
export async function rawPutaway(sql: postgres.Sql, w: RawWorker, unit: Unit, scanId: string): Promise<void> {
  const [item] = await sql`select i.*, p.category as product_category from items i left join products p on p.sku = i.sku where i.center_id = ${w.centerId} and i.code = ${unit.itemCode}`;
  if (!item || item.state !== "awaiting_putaway") throw new Refused("not awaiting putaway");
  const candidates = await sql`
    select b.id, b.code, b.occupied, b.capacity, b.pick_sequence, z.code as zone_code from bins b join zones z on z.id = b.zone_id
    where b.center_id = ${w.centerId} and b.size_class = 'S' and b.active and b.occupied < b.capacity
    order by b.pick_sequence limit 8`;
  // The same rule as suggestBin's (lib/storage/suggestion-rule.ts): the operator's share of the window.
  const chosen = chooseBin(candidates.map((b) => ({ id: b.id, code: b.code, occupied: b.occupied, capacity: b.capacity, pickSequence: b.pick_sequence })), w.userId);
  if (!chosen) throw new Refused("no bin with room");
  await inTransaction(sql, async (tx, lastly) => {
    await tx`insert into scan_requests (scan_id, user_id, kind) values (${scanId}, ${w.userId}, 'storage.putaway')`;
    const [current] = await tx`
      select i.id, i.state, i.code, i.version, o.external_id, now() as now from items i join inbound_orders o on o.id = i.order_id
      where i.center_id = ${w.centerId} and i.code = ${unit.itemCode} for update of i`;
    // The bin's slot taken in the statement that reads it (as putAway does), when it is active, S and has room.
    const [bin] = await tx`
      update bins set occupied = occupied + 1 where center_id = ${w.centerId} and code = ${chosen.code} and size_class = 'S' and active and occupied < capacity
      returning id, code, occupied, capacity`;
    if (current.state !== "awaiting_putaway") throw new Refused("state");
    if (!bin) throw new Refused("bin full");
    const details = { binId: bin.id, binCode: bin.code, sizeClass: "S" };
    const payload = { itemId: current.id, itemCode: current.code, orderExternalId: current.external_id, action: "putaway", from: "awaiting_putaway", to: "stored", at: current.now.toISOString(), actorKind: "staff", ...details };
    await rawTransitionWrite(tx, w, { itemId: current.id, centerId: w.centerId, action: "putaway", from: "awaiting_putaway", to: "stored", details, payload }, tx`
      update items set state = 'stored', bin_id = ${bin.id}, stored_at = now(), version = version + 1, updated_at = now()
      where id = ${current.id} and version = ${current.version}`);
    const taken = { code: bin.code, occupied: bin.occupied, capacity: bin.capacity };
    lastly(tx`update scan_requests set response = ${tx.json({ ok: { bin: taken } })} where scan_id = ${scanId}`);
  });
}

/** Scan the item at packing (where it goes), then record its parcel's tracking number: packItem's rows. */
export async function rawPack(sql: postgres.Sql, w: RawWorker, unit: Unit, scanId: string, trackingNumber: string): Promise<void> {
  // The scan: item, order, names and open shipment in one read, then the recipient's open parcels.
  const [seen] = await sql`
    select i.*, o.external_id, p.name_ko, p.name_en, s.id as shipment_id, s.destination, s.recipient, s.status as shipment_status
    from items i join inbound_orders o on o.id = i.order_id left join products p on p.sku = i.sku
    left join shipments s on s.item_id = i.id and s.status <> 'dispatched'
    where i.center_id = ${w.centerId} and i.code = ${unit.itemCode}`;
  if (!seen || seen.state !== "awaiting_pack" || !seen.shipment_id) throw new Refused("not ready to pack");
  await sql`
    select tracking_number, carrier, count(*)::int from shipments
    where center_id = ${w.centerId} and status = 'packed' and manifest_id is null and destination = ${seen.destination} and recipient->>'id' = ${seen.recipient.id}
    group by tracking_number, carrier`;
  await inTransaction(sql, async (tx, lastly) => {
    await tx`insert into scan_requests (scan_id, user_id, kind) values (${scanId}, ${w.userId}, 'dispatch.pack')`;
    const [item] = await tx`
      select i.*, o.external_id, now() as now from items i join inbound_orders o on o.id = i.order_id where i.id = ${seen.id} and i.center_id = ${w.centerId} for update of i`;
    const [shipment] = await tx`
      select s.*, p.name_ko, p.name_en from shipments s join items i on i.id = s.item_id left join products p on p.sku = i.sku
      where s.item_id = ${item.id} and s.status <> 'dispatched' for update of s`;
    if (item.state !== "awaiting_pack" || shipment.status !== "open") throw new Refused("not ready to pack");
    const existing = await tx`select * from shipments where center_id = ${w.centerId} and tracking_number = ${trackingNumber} for update`;
    if (existing.length) throw new Refused("parcel in use");
    const details = { shipmentId: shipment.id, carrier: "HANJIN", trackingNumber, destination: shipment.destination, shipmentReason: shipment.reason };
    const payload = { itemId: item.id, itemCode: item.code, orderExternalId: item.external_id, action: "pack", from: "awaiting_pack", to: "packed", at: item.now.toISOString(), actorKind: "staff", ...details };
    await rawTransitionWrite(tx, w, { itemId: item.id, centerId: w.centerId, action: "pack", from: "awaiting_pack", to: "packed", details, payload }, tx`
      update items set state = 'packed', version = version + 1, updated_at = now() where id = ${item.id} and version = ${item.version}`);
    const packedAt = new Date();
    await tx`update shipments set status = 'packed', carrier = 'HANJIN', tracking_number = ${trackingNumber}, packed_by = ${w.userId}, packed_at = ${packedAt} where id = ${shipment.id}`;
    // The answer from the rows locked and changed, as packItem builds it.
    const view = { ...shipment, status: "packed", carrier: "HANJIN", tracking_number: trackingNumber, packed_at: packedAt, code: item.code, state: "packed", external_id: item.external_id };
    lastly(tx`update scan_requests set response = ${tx.json({ ok: { shipment: view, trackingNumber, parcelItems: 1, issued: false } })} where scan_id = ${scanId}`);
  });
}

/** pickScan's statements for one scan: lock the list (with its current bin's code), check the code, change, answer with the list's lines (which tell whether it is done). */
async function rawPickScan(sql: postgres.Sql, w: RawWorker, unit: PickUnit, scanId: string, change: (tx: postgres.ReservedSql, list: postgres.Row) => Promise<void>) {
  await inTransaction(sql, async (tx, lastly) => {
    await tx`insert into scan_requests (scan_id, user_id, kind) values (${scanId}, ${w.userId}, 'dispatch.pick_scan')`;
    const [list] = await tx`
      select l.*, b.code as current_bin from pick_lists l left join bins b on b.id = l.current_bin_id
      where l.id = ${unit.pickListId} and l.center_id = ${w.centerId} for update of l`;
    if (!list || list.status === "done" || list.claimed_by !== w.userId) throw new Refused("not my list");
    await change(tx, list);
    const lines = await tx`
      select pl.id, pl.sequence, pl.status, i.id as item_id, i.code, i.product_name, p.name_ko, p.name_en, i.size, b.code as bin_code, pl.tote_code, s.destination
      from pick_lines pl join items i on i.id = pl.item_id left join products p on p.sku = i.sku left join bins b on b.id = pl.bin_id
      left join shipments s on s.item_id = i.id and s.status <> 'dispatched'
      where pl.pick_list_id = ${list.id} order by pl.sequence`;
    const done = !lines.some((l) => l.status === "pending");
    if (done) await tx`update pick_lists set status = 'done', done_at = now(), current_bin_id = null where id = ${list.id} and done_at is null`;
    lastly(tx`update scan_requests set response = ${tx.json({ ok: { list: { ...list, lines }, done } })} where scan_id = ${scanId}`);
  });
}

/** At the picking station: scan the bin, then the item (two scans, two transactions), as pickScan does. */
export async function rawPick(sql: postgres.Sql, w: RawWorker, unit: PickUnit, scanIds: [string, string]): Promise<void> {
  await rawPickScan(sql, w, unit, scanIds[0], async (tx, list) => {
    const [bin] = await tx`select * from bins where center_id = ${w.centerId} and code = ${unit.binCode}`;
    const [line] = await tx`select id from pick_lines where pick_list_id = ${list.id} and bin_id = ${bin.id} and status = 'pending' limit 1`;
    if (!line) throw new Refused("wrong bin");
    await tx`update pick_lists set current_bin_id = ${bin.id} where id = ${list.id}`;
    list.current_bin_id = bin.id;
    list.current_bin = bin.code;
  });
  await rawPickScan(sql, w, unit, scanIds[1], async (tx, list) => {
    // The item's line, with the item locked for its transition (and the order's id and now()).
    const [row] = await tx`
      select pl.id as line_id, pl.status as line_status, pl.bin_id as line_bin_id, i.*, o.external_id, now() as now, b.code as bin_code
      from pick_lines pl join items i on i.id = pl.item_id join inbound_orders o on o.id = i.order_id left join bins b on b.id = pl.bin_id
      where pl.pick_list_id = ${list.id} and i.code = ${unit.itemCode} order by pl.status = 'pending' desc limit 1 for update of i`;
    if (!row || row.line_status !== "pending" || row.line_bin_id !== list.current_bin_id || row.state !== "awaiting_pick") throw new Refused("wrong item");
    const details = { pickListId: list.id, pickListNumber: list.number, binCode: row.bin_code, tote: list.tote_code };
    const payload = { itemId: row.id, itemCode: row.code, orderExternalId: row.external_id, action: "pick", from: "awaiting_pick", to: "awaiting_pack", at: row.now.toISOString(), actorKind: "staff", ...details };
    await rawTransitionWrite(tx, w, { itemId: row.id, centerId: w.centerId, action: "pick", from: "awaiting_pick", to: "awaiting_pack", details, payload }, tx`
      update items set state = 'awaiting_pack', bin_id = null, version = version + 1, updated_at = now() where id = ${row.id} and version = ${row.version}`);
    await tx`update bins set occupied = greatest(occupied - 1, 0) where id = ${row.line_bin_id}`;
    await tx`update pick_lines set status = 'picked', picked_by = ${w.userId}, picked_at = now(), tote_code = ${list.tote_code} where id = ${row.line_id}`;
  });
}

/** A packed parcel scanned onto its carrier's open manifest (addParcelToManifest's rows), answered with the manifest. */
export async function rawHandover(sql: postgres.Sql, w: RawWorker, unit: Unit, scanId: string): Promise<void> {
  await inTransaction(sql, async (tx, lastly) => {
    await tx`insert into scan_requests (scan_id, user_id, kind) values (${scanId}, ${w.userId}, 'dispatch.manifest_add')`;
    const [manifest] = await tx`
      select m.*, u.name from manifests m left join users u on u.id = m.created_by where m.id = ${unit.manifestId!} and m.center_id = ${w.centerId} for update of m`;
    if (!manifest || manifest.status !== "open") throw new Refused("manifest closed");
    const parcel = await tx`select * from shipments where center_id = ${w.centerId} and tracking_number = ${unit.trackingNumber!}`;
    if (parcel.length === 0 || parcel.some((p) => p.carrier !== manifest.carrier)) throw new Refused("no such parcel");
    const claimed = await tx`
      update shipments set manifest_id = ${manifest.id}
      where center_id = ${w.centerId} and tracking_number = ${unit.trackingNumber!} and status = 'packed' and manifest_id is null returning id`;
    if (claimed.length === 0) throw new Refused("on a manifest");
    const rows = await tx`
      select tracking_number, destination, recipient->>'name' as recipient_name, (select code from items i where i.id = s.item_id) as item_code
      from shipments s where manifest_id = ${manifest.id} order by packed_at`;
    lastly(tx`update scan_requests set response = ${tx.json({ ok: { trackingNumber: unit.trackingNumber, items: claimed.length, manifest: { id: manifest.id, parcels: rows } } })} where scan_id = ${scanId}`);
  });
}
