import { and, eq, sql } from "drizzle-orm";
import { reusableQuery } from "@/db/reusable-query";
import type { Db, Tx } from "@/db/client";
import { scanRequests, users } from "@/db/schema";
import { pendingSessionCheck, settle, stillSignedIn } from "@/lib/auth/session-check";
import { DomainError } from "@/lib/errors/domain-error";

export type ScanOutcome<T> = { result: T; repeated: boolean };

/**
 * Runs `work` at most once per client-made scan id. The id is claimed in the same transaction as
 * the work: a concurrent repeat waits on the primary key, then reads the first answer. A refused
 * scan (DomainError) is remembered as well, so a retry is told the same thing. When the request
 * left its session check to this transaction (lib/auth/session-check.ts), the claim is made only if
 * the users row still holds, in the same statement (no row back: `settle` reads the row to tell a
 * repeat from an ended session); a session that no longer holds is refused with
 * 401, and nothing of it is written or remembered.
 */
export async function withScanId<T>(
  db: Db,
  scan: { scanId: string; userId: string; kind: string },
  work: (tx: Tx) => Promise<T>,
  /** What to keep for a repeat, when the first answer holds a secret shown only once (a new API token). */
  remember: (result: T) => unknown = (result) => result,
): Promise<ScanOutcome<T>> {
  try {
    const { outcome, answered } = await db.transaction(async (tx) => {
      const check = pendingSessionCheck(scan.userId);
      const claimed = check ? await claimScanIdSignedIn(tx, { scanId: scan.scanId, kind: scan.kind, ...check.claims }) : await claimScanId(tx, scan);
      if (check) await settle(tx, check, claimed.length === 1);
      if (claimed.length === 0) return { outcome: { result: await firstAnswer<T>(tx, scan), repeated: true } };
      const result = await work(tx);
      // The answer's update is the transaction's last statement: not awaited here, so it goes to the
      // server together with COMMIT (one round trip less per station write). Should it fail, the
      // server ends the transaction with a rollback instead of committing, and awaiting it below throws.
      const answered = rememberAnswer(tx, { scanId: scan.scanId, response: { ok: remember(result) } });
      answered.catch(() => undefined);
      return { outcome: { result, repeated: false }, answered };
    });
    await answered;
    return outcome;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === "unauthorized") throw error;
    // Remember the refusal outside the rolled-back transaction; if a racing repeat won, ignore.
    await db
      .insert(scanRequests)
      .values({ scanId: scan.scanId, userId: scan.userId, kind: scan.kind, response: { error: { code: error.code, message: error.message, details: error.details ?? null } } })
      .onConflictDoNothing();
    throw error;
  }
}

// The two statements every station write adds, their SQL built once (db/reusable-query.ts).
const claimScanId = reusableQuery((q) =>
  q
    .insert(scanRequests)
    .values({ scanId: sql.placeholder("scanId"), userId: sql.placeholder("userId"), kind: sql.placeholder("kind") })
    .onConflictDoNothing()
    .returning({ scanId: scanRequests.scanId }),
);
/**
 * The claim for a request whose session is checked here: the row is inserted only if the users row
 * still holds (selected by its primary key in the same statement). No row back means a repeat or a
 * session that no longer holds; `settle` tells them apart, on that rare path only.
 */
const claimScanIdSignedIn = reusableQuery((q) =>
  q
    .insert(scanRequests)
    .select(
      q
        .select({
          scanId: sql<string>`${sql.placeholder("scanId")}::text`.as("scan_id"),
          userId: users.id,
          kind: sql<string>`${sql.placeholder("kind")}::text`.as("kind"),
          response: sql<unknown>`null::jsonb`.as("response"),
          createdAt: sql<Date>`now()`.as("created_at"),
        })
        .from(users)
        .where(stillSignedIn()),
    )
    .onConflictDoNothing()
    .returning({ scanId: scanRequests.scanId }),
);

const rememberAnswer = reusableQuery((q) =>
  q
    .update(scanRequests)
    .set({ response: sql.placeholder("response") })
    .where(eq(scanRequests.scanId, sql.placeholder("scanId"))),
);

async function firstAnswer<T>(tx: Tx, scan: { scanId: string; userId: string }): Promise<T> {
  const [row] = await tx
    .select({ response: scanRequests.response })
    .from(scanRequests)
    .where(and(eq(scanRequests.scanId, scan.scanId), eq(scanRequests.userId, scan.userId)));
  if (!row) throw new DomainError("conflict:scan_id", "This scan id was used by someone else.");
  const response = row.response as { ok?: T; error?: { code: string; message: string; details?: Record<string, unknown> | null } } | null;
  if (response?.error) throw new DomainError(response.error.code as "conflict", response.error.message, response.error.details ?? undefined);
  if (!response || !("ok" in response)) throw new DomainError("conflict:scan_pending", "This scan is still being processed.");
  return response.ok as T;
}

/** Where a station route's client-made scan id comes from: the JSON body's `scanId`, else the `x-legit-scan-id` header (multipart uploads). */
export const scanIdHeader = "x-legit-scan-id";

export function scanIdOf(request: Request, json: unknown): string {
  const fromBody = json && typeof json === "object" ? (json as { scanId?: unknown }).scanId : undefined;
  const value = typeof fromBody === "string" ? fromBody : request.headers.get(scanIdHeader);
  const id = value?.trim() ?? "";
  if (id.length < 8 || id.length > 200) {
    throw new DomainError("validation:scan_id", "scanId: send the client-made id of this action (the same id again on a retry).", {
      issues: [{ path: "scanId", code: "invalid_type", message: "required" }],
    });
  }
  return id;
}

/**
 * For a route handler whose work calls domain functions taking a `Db`: runs them once per scan id
 * inside withScanId's transaction (their own `db.transaction` calls become savepoints of it), so
 * the work and the remembered answer commit together. staffRoute does this for routes declared
 * with `scan: "<kind>"`.
 */
export function onceForScan<T>(
  db: Db,
  scan: { scanId: string; userId: string; kind: string },
  work: (db: Db) => Promise<T>,
  remember?: (result: T) => unknown,
): Promise<ScanOutcome<T>> {
  return withScanId(db, scan, (tx) => work(tx as unknown as Db), remember);
}
