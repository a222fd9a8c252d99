import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiClients } from "@/db/schema";
import { setApiClientWebhook } from "@/lib/api/api-clients";
import { requireRole } from "@/lib/auth/require-role";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { recordAdminEvent } from "./admin-events";

/**
 * An admin sets or removes an API client of their center's webhook; a new signing secret is
 * returned once. Logged in the admin log (URL before and after, never the secret).
 */
export async function changeApiClientWebhook(db: Db, ctx: StaffContext, clientId: string, webhookUrl: string | null) {
  requireRole(ctx, ["admin"], "Only an admin can change API clients.");
  const [client] = await db.select({ centerIds: apiClients.centerIds }).from(apiClients).where(eq(apiClients.id, clientId));
  if (!client || !client.centerIds.includes(ctx.centerId)) throw new DomainError("not_found:api_client", "No such API client.");
  // The change and its audit row commit together; "from" is the URL of the locked row.
  return setApiClientWebhook(db, ctx, clientId, webhookUrl, (tx, before) =>
    recordAdminEvent(tx, {
      centerId: ctx.centerId,
      actorUserId: ctx.userId,
      action: "api_client_webhook_changed",
      targetType: "api_client",
      targetId: clientId,
      details: { name: before.name, webhookUrl: { from: before.webhookUrl, to: webhookUrl } },
    }),
  );
}
