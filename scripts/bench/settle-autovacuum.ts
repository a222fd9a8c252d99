import type postgres from "postgres";

type Limits = { vacuum: [number, number]; insert: [number, number]; analyze: [number, number] };

/**
 * Runs, before a measured phase, the vacuum or analyze that autovacuum would start soon: on every
 * table past half of one of its autovacuum thresholds (dead rows, rows inserted since the last
 * vacuum, rows changed since the last analyze; the table's own settings, else the server's).
 * Without it the maintenance set off by the preparation's inserts or by earlier phases lands inside
 * whichever side's phase comes next, and its CPU is counted as that side's PostgreSQL time. On the
 * 200k-item data an analyze of `items` evaluates the search index's expression for each of its
 * 30,000 sampled rows: seconds of CPU, milliseconds per request of a three-second phase. Both sides
 * are settled alike. Returns what it ran.
 */
export async function settleAutovacuum(setup: postgres.Sql): Promise<string[]> {
  const settings = new Map(
    (await setup`select name, setting from pg_settings where name like 'autovacuum_%'`).map((r) => [r.name as string, Number(r.setting)]),
  );
  const tables = await setup`
    select s.relname, s.n_dead_tup::float8 as dead, s.n_ins_since_vacuum::float8 as inserted, s.n_mod_since_analyze::float8 as changed,
           greatest(c.reltuples, 0)::float8 as tuples, coalesce(c.reloptions, '{}') as options
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.schemaname = 'public'`;
  const done: string[] = [];
  for (const t of tables) {
    const own = new Map((t.options as string[]).map((o) => o.split("=") as [string, string]));
    if (own.get("autovacuum_enabled") === "false") continue;
    const setting = (name: string) => Number(own.get(`autovacuum_${name}`) ?? settings.get(`autovacuum_${name}`));
    const limits: Limits = {
      vacuum: [setting("vacuum_threshold"), setting("vacuum_scale_factor")],
      insert: [setting("vacuum_insert_threshold"), setting("vacuum_insert_scale_factor")],
      analyze: [setting("analyze_threshold"), setting("analyze_scale_factor")],
    };
    // A threshold of -1 turns that kind off (autovacuum_vacuum_insert_threshold).
    const past = (kind: keyof Limits, value: number) => limits[kind][0] >= 0 && value > (limits[kind][0] + limits[kind][1] * (t.tuples as number)) / 2;
    const vacuum = past("vacuum", t.dead as number) || past("insert", t.inserted as number);
    const analyze = past("analyze", t.changed as number);
    if (!vacuum && !analyze) continue;
    const what = vacuum && analyze ? "vacuum (analyze)" : vacuum ? "vacuum" : "analyze";
    await setup.unsafe(`${what} "${String(t.relname).replace(/"/g, '""')}"`);
    done.push(`${what} ${t.relname}`);
  }
  return done;
}
