import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/result-rows";

/** One node of an EXPLAIN (FORMAT JSON) plan. */
export type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** A plan's nodes on one line, for a failure's message. */
export const planLine = (nodes: PlanNode[]) => nodes.map((n) => [n["Node Type"], n["Relation Name"], n["Index Name"]].filter(Boolean).join(" ")).join(" / ");

export type PlanMode = "force_generic_plan" | "force_custom_plan";

/**
 * The plan of a statement as the app runs it: prepared, with its parameters, under a generic or a
 * custom plan, its nodes flattened. Inside a transaction so PREPARE, EXPLAIN and DEALLOCATE share one
 * connection. (PGlite answers EXPLAIN's JSON as text, postgres.js parsed.)
 */
export async function planOf(db: Db, statement: { sql: string; params: unknown[] }, mode: PlanMode): Promise<PlanNode[]> {
  const literal = (p: unknown) => (p === null ? "null" : `'${(p instanceof Date ? p.toISOString() : String(p)).replace(/'/g, "''")}'`);
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local plan_cache_mode = ${mode}`));
    await tx.execute(sql.raw(`prepare planned_statement as ${statement.sql}`));
    const args = statement.params.length ? `(${statement.params.map(literal).join(", ")})` : "";
    const rows = rowsOf(await tx.execute(sql.raw(`explain (format json) execute planned_statement${args}`)));
    await tx.execute(sql.raw("deallocate planned_statement"));
    const raw = Object.values(rows[0])[0];
    const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
    return nodesOf(plan[0].Plan);
  });
}
