/**
 * Benchmark (prints figures; not a test): the desk search on a center with many items. Fills a
 * bench center with N items (default 1,000,000) — two per order, each with its parcel, Korean and
 * English product names, Korean seller names — plus a second center (up to 200,000 items) as noise,
 * then times a search by each key (median of 5) and prints the EXPLAIN ANALYZE of the partial
 * lookups, which must show index scans. On DATABASE_URL (use a scratch database) or embedded.
 * `npm run bench:search -- --items 1000000`
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDb, type Db } from "@/db/open-db";
import { centers, type CenterSettings } from "@/db/schema";
import { searchItems } from "@/lib/desk/search-items";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const namesEn = ["Nike Dunk Low Retro White Black", "Air Jordan 1 Retro High OG Chicago", "New Balance 990v6 Grey", "Adidas Samba OG", "Yeezy Boost 350 V2 Onyx", "Asics Gel-Kayano 14", "Rolex Submariner Date", "Apple AirPods Max", "Stussy Basic Hoodie", "Chanel Classic Flap Bag"];
const namesKo = ["나이키 덩크 로우 레트로 화이트 블랙", "에어 조던 1 레트로 하이 OG 시카고", "뉴발란스 990v6 그레이", "아디다스 삼바 OG", "이지 부스트 350 V2 오닉스", "아식스 젤 카야노 14", "롤렉스 서브마리너 데이트", "애플 에어팟 맥스", "스투시 베이직 후드", "샤넬 클래식 플랩 백"];
const family = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"];
const given = ["민준", "서연", "도윤", "하은", "시우", "지우", "서준", "하윤", "예준", "지호", "수아", "건우"];
const list = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`);

async function fill(db: Db, count: number, prefix: string): Promise<string> {
  const [center] = await db
    .insert(centers)
    .values({ code: prefix, name: "Search bench", timezone: "Asia/Seoul", settings: {} as CenterSettings })
    .returning({ id: centers.id });
  const centerId = center.id;
  const orders = Math.ceil(count / 2);
  const batch = 100_000;
  for (let from = 1; from <= orders; from += batch) {
    const to = Math.min(orders, from + batch - 1);
    await db.execute(sql`
      insert into inbound_orders (center_id, external_id, type, seller, tracking_number)
      select ${centerId}::uuid, ${prefix} || '-ORD-' || lpad(g::text, 8, '0'), 'trade',
        jsonb_build_object('id', 'S' || (g % 50000), 'name', (${list(family)})[1 + g % 10] || (${list(given)})[1 + (g / 10) % 12] || (g % 997)),
        ${prefix} || 'CJ' || lpad(g::text, 10, '0')
      from generate_series(${from}::int, ${to}::int) g`);
    await db.execute(sql`
      insert into parcels (center_id, tracking_number, order_id, status)
      select o.center_id, o.tracking_number, o.id, 'received' from inbound_orders o
      where o.center_id = ${centerId}::uuid and o.external_id between ${`${prefix}-ORD-${String(from).padStart(8, "0")}`} and ${`${prefix}-ORD-${String(to).padStart(8, "0")}`}`);
    await db.execute(sql`
      insert into items (center_id, order_id, parcel_id, code, type, state, sku, product_name, category, size, price, received_at)
      select o.center_id, o.id, p.id, ${prefix.slice(0, 2)} || upper(lpad(to_hex(n.g), 11, '0')), 'trade',
        (array['received','in_inspection','passed','awaiting_pack','packed','dispatched'])[1 + n.g % 6],
        'SKU-' || (n.g % 500), (case when n.g % 2 = 0 then (${list(namesEn)})[1 + n.g % 10] else (${list(namesKo)})[1 + n.g % 10] end) || ' ' || (n.g % 500),
        'sneakers', '270', 100000 + n.g % 900000, now() - (n.g % 1000) * interval '1 minute'
      from inbound_orders o
      join parcels p on p.order_id = o.id
      cross join lateral (select (substring(o.external_id from '(\\d+)$'))::int * 2 - k as g from generate_series(0, 1) k) n
      where o.center_id = ${centerId}::uuid and o.external_id between ${`${prefix}-ORD-${String(from).padStart(8, "0")}`} and ${`${prefix}-ORD-${String(to).padStart(8, "0")}`}`);
    process.stdout.write(`  ${prefix}: ${Math.min(count, to * 2).toLocaleString()} items\r`);
  }
  process.stdout.write("\n");
  return centerId;
}

async function main() {
  const count = arg("items", 1_000_000);
  const url = process.env.DATABASE_URL;
  const handle = await openDb(url ? { url } : {});
  const db = handle.db;
  const suffix = randomBytes(2).toString("hex").toUpperCase();
  console.log(`Filling ${count.toLocaleString()} items in a bench center and up to 200,000 in a second one (${handle.kind})…`);
  const started = Date.now();
  const centerId = await fill(db, count, `IT${suffix}`);
  await fill(db, Math.min(count, 200_000), `IX${suffix}`);
  await db.execute(sql`analyze`);
  console.log(`filled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await db.execute(sql`insert into products (sku, brand, name_en, name_ko, category, colour, release_price, sizes, size_class)
    select 'SKU-' || g, 'Brand', 'Bench product ' || g, '벤치 상품 ' || g, 'sneakers', 'Black', 100000, '220-300/5', 'S'
    from generate_series(0, 499) g on conflict (sku) do nothing`);
  const mid = Math.floor(count / 6) * 2;
  const code = `IT${mid.toString(16).toUpperCase().padStart(11, "0")}`;
  const queries: [string, string][] = [
    ["item code", code],
    ["partial item code", code.slice(5, 13)],
    ["tracking number", `IT${suffix}CJ${String(Math.floor(mid / 2)).padStart(10, "0")}`],
    ["partial tracking number", `CJ${String(Math.floor(mid / 2)).padStart(10, "0")}`],
    ["order id", `IT${suffix}-ORD-${String(Math.floor(mid / 2)).padStart(8, "0")}`],
    ["seller (Korean)", "박서준"],
    ["product name (Korean, partial)", "삼바"],
    ["product name (English, partial)", "submariner"],
    ["product name (English, long phrase)", "rolex submariner date 12"],
    ["SKU", "SKU-123"],
    ["nothing", "zzqqxx-nothing"],
  ];
  console.log("\nquery                              median ms   hits");
  for (const [name, q] of queries) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      hits = (await searchItems(db, centerId, q)).length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(34)} ${times[2].toFixed(1).padStart(9)}   ${hits}`);
  }
  const explain = async (title: string, query: ReturnType<typeof sql>) => {
    const result = (await db.execute(sql`explain (analyze, costs off) ${query}`)) as unknown as Record<string, string>[] | { rows: Record<string, string>[] };
    const rows = Array.isArray(result) ? result : result.rows;
    console.log(`\n-- ${title}\n${rows.map((r) => Object.values(r)[0]).join("\n")}`);
  };
  await explain("partial item code", sql`select id from items where center_id = ${centerId}::uuid and code ilike ${`%${code.slice(5, 13)}%`} limit 20`);
  await explain("product name, Korean", sql`select id from items where center_id = ${centerId}::uuid and legit_search_key(product_name) like legit_search_key('%삼바%') limit 20`);
  await explain("seller", sql`select i.id from inbound_orders o join items i on i.order_id = o.id where o.center_id = ${centerId}::uuid and legit_search_key((o.seller ->> 'name') || ' ' || (o.seller ->> 'id')) like legit_search_key('%박서준%') limit 20`);
  await explain("partial tracking number", sql`select i.id from parcels p join items i on i.parcel_id = p.id where p.center_id = ${centerId}::uuid and p.tracking_number ilike ${`%CJ${String(Math.floor(mid / 2)).padStart(10, "0")}%`} limit 20`);
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
