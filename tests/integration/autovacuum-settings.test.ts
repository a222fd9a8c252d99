import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rowsOf } from "@/db/result-rows";
import { describeEachDb } from "../helpers/databases";

describeEachDb("autovacuum of the tables the desk reads from their indexes alone", (use) => {
  it("vacuums items and inspections after 1% of their rows changed (migration 0022), so their index-only scans stay index-only", async () => {
    const rows = rowsOf(await use().execute(sql`select relname, reloptions from pg_class where relname in ('items', 'inspections') and relkind = 'r' order by relname`));
    expect(rows.map((r) => [r.relname, [...(r.reloptions as string[])].sort()])).toEqual(
      ["inspections", "items"].map((table) => [table, ["autovacuum_vacuum_insert_scale_factor=0.01", "autovacuum_vacuum_scale_factor=0.01"]]),
    );
  });
});
