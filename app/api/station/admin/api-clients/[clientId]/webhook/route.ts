import { z } from "zod";
import { changeApiClientWebhook } from "@/lib/admin/api-client-admin";
import { staffRoute } from "@/lib/http/staff-route";

/** A repeat (lost answer) changes nothing again and does not hold the secret: it says it was lost. */
function withoutSecret(result: unknown): unknown {
  return { ...(result as object), webhookSecret: null, secretLost: (result as { webhookSecret?: unknown }).webhookSecret != null };
}

/** Sets (or, with an empty URL, removes) an API client's webhook; the new secret is shown once. */
export const POST = staffRoute(
  { roles: ["admin"], scan: { kind: "admin.api_client_webhook", remember: withoutSecret }, body: z.object({ webhookUrl: z.string().trim().max(2000) }), params: z.object({ clientId: z.uuid() }) },
  async ({ db, ctx, body, params }) => changeApiClientWebhook(db, ctx, params.clientId, body.webhookUrl || null),
);
