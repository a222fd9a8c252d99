import { z } from "zod";
import { retryWebhookNow } from "@/lib/admin/api-client-admin";
import { staffRoute } from "@/lib/http/staff-route";

/** Cuts a failing webhook's back-off short: the relay sends again on its next pass. */
export const POST = staffRoute(
  { roles: ["manager", "admin"], scan: "admin.webhook_retry", params: z.object({ clientId: z.uuid() }) },
  async ({ db, ctx, params }) => retryWebhookNow(db, ctx, params.clientId),
);
