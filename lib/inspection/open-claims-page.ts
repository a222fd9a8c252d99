import type { Queryable } from "@/db/client";
import { countOpenClaims, listOpenClaims } from "./claims";

/** How many open claims the queue lists at most, oldest first (the ones most likely abandoned). */
export const openClaimsPageSize = 50;

export type OpenClaimsPage = { claims: Awaited<ReturnType<typeof listOpenClaims>>; total: number };

/**
 * The open claims the inspection queue shows: the oldest `limit`, the viewer's own (their oldest
 * `limit`) wherever they fall, so an inspector can always continue their own, and how many are open
 * in all; with `claimedSince`, only claims not timed out (the queue shows the others' items as waiting). A center can pile up
 * claims (the benchmark left 39,584 open in one): the list stays a page, and the screen says how many
 * more there are.
 */
export async function readOpenClaimsPage(q: Queryable, centerId: string, opts: { viewerId?: string; limit?: number; claimedSince?: Date } = {}): Promise<OpenClaimsPage> {
  const { claimedSince } = opts;
  const [oldest, mine, total] = await Promise.all([
    listOpenClaims(q, centerId, { limit: opts.limit ?? openClaimsPageSize, claimedSince }),
    opts.viewerId ? listOpenClaims(q, centerId, { inspectorId: opts.viewerId, limit: opts.limit ?? openClaimsPageSize, claimedSince }) : [],
    countOpenClaims(q, centerId, claimedSince),
  ]);
  const shown = new Set(oldest.map((c) => c.inspectionId));
  const claims = [...oldest, ...mine.filter((c) => !shown.has(c.inspectionId))];
  claims.sort((a, b) => a.claimedAt.getTime() - b.claimedAt.getTime() || a.inspectionId.localeCompare(b.inspectionId));
  return { claims, total };
}
