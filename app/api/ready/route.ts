import { getDb } from "@/db/client";
import { retryAfterSeconds } from "@/lib/http/error-response";
import { publicRoute } from "@/lib/http/public-route";
import { databaseReachable } from "@/lib/http/readiness";
import { jsonAnswer } from "@/lib/http/json-answer";

/** Readiness for load balancers: 200 when the database answers, else 503 with Retry-After. */
export const dynamic = "force-dynamic";

export const GET = publicRoute("load balancers probe it without credentials; it says only whether the database answers", async (): Promise<Response> => {
  if (await databaseReachable(getDb)) {
    return jsonAnswer({ status: "ready", database: "ok" }, { headers: { "cache-control": "no-store" } });
  }
  return jsonAnswer(
    { error: { code: "unavailable:database", message: "The database is not reachable." } },
    { status: 503, headers: { "cache-control": "no-store", "retry-after": String(retryAfterSeconds) } },
  );
});
