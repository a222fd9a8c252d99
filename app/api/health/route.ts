import { publicRoute } from "@/lib/http/public-route";
import { jsonAnswer } from "@/lib/http/json-answer";

/** Liveness for load balancers: the process is up and answering. Touches nothing else. */
export const dynamic = "force-dynamic";

export const GET = publicRoute("load balancers probe it without credentials; it says only that the process is up", (): Response =>
  jsonAnswer({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }, { headers: { "cache-control": "no-store" } }),
);
