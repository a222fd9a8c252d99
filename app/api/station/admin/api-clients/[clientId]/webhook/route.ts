import { z } from "zod";
import { changeApiClientWebhook } from "@/lib/admin/api-client-admin";
import { staffRoute } from "@/lib/http/staff-route";

/** Sets (or, with an empty URL, removes) an API client's webhook; the new secret is shown once. */
export const POST = staffRoute(
  { roles: ["admin"], body: z.object({ webhookUrl: z.string().trim().max(2000) }), params: z.object({ clientId: z.uuid() }) },
  async ({ db, ctx, body, params }) => changeApiClientWebhook(db, ctx, params.clientId, body.webhookUrl || null),
);
