import { and, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { inspections, verdicts, type Verdict } from "@/db/schema";
import { inspectorTimes, type InspectorStats } from "./inspector-times";

export type InspectionStats = {
  /** Verdicts submitted in the period. */
  total: number;
  /** By the verdict that stands (the reviewer's, once reviewed). */
  byVerdict: Record<Verdict, number>;
  awaitingReview: number;
  overturned: number;
  /** Claim-to-verdict time per inspector, slowest median first. */
  perInspector: InspectorStats[];
};

/** Verdict counts and inspection times for verdicts submitted in [from, to). */
export async function inspectionStats(q: Queryable, centerId: string, period: { from: Date; to: Date }): Promise<InspectionStats> {
  const inPeriod = and(
    eq(inspections.centerId, centerId),
    inArray(inspections.status, ["done", "awaiting_review"]),
    isNotNull(inspections.submittedAt),
    gte(inspections.submittedAt, period.from),
    lt(inspections.submittedAt, period.to),
  );
  const standing = sql<Verdict>`coalesce(${inspections.reviewVerdict}, ${inspections.verdict})`;
  const counts = await q
    .select({
      verdict: standing,
      total: sql<number>`count(*)::int`,
      awaiting: sql<number>`count(*) filter (where ${inspections.status} = 'awaiting_review')::int`,
      overturned: sql<number>`count(*) filter (where ${inspections.reviewVerdict} is not null and ${inspections.reviewVerdict} <> ${inspections.verdict})::int`,
    })
    .from(inspections)
    .where(inPeriod)
    .groupBy(standing);
  const perInspector = await inspectorTimes(q, centerId, period);

  const byVerdict = Object.fromEntries(verdicts.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const c of counts) byVerdict[c.verdict] = Number(c.total);
  const sum = (f: (c: (typeof counts)[number]) => number) => counts.reduce((n, c) => n + Number(f(c)), 0);
  return {
    total: sum((c) => c.total),
    byVerdict,
    awaitingReview: sum((c) => c.awaiting),
    overturned: sum((c) => c.overturned),
    perInspector,
  };
}
