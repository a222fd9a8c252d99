import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiClients, webhookRelayPositions } from "@/db/schema";
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

/**
 * "Retry now" for a client whose webhook deliveries are failing: the relay's back-off (up to an
 * hour) is cut short so the next relay pass sends at once; the order of events is kept, since the
 * relay resumes from the same position. Audited. Answers whether a failing delivery was waiting.
 */
export async function retryWebhookNow(db: Db, ctx: StaffContext, clientId: string): Promise<{ retried: boolean; attempts: number }> {
  requireRole(ctx, ["manager", "admin"], "Only a manager or an admin can retry webhook deliveries.");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ name: apiClients.name, centerIds: apiClients.centerIds, webhookUrl: apiClients.webhookUrl, revokedAt: apiClients.revokedAt, attempts: webhookRelayPositions.attempts, lastError: webhookRelayPositions.lastError })
      .from(apiClients)
      .leftJoin(webhookRelayPositions, eq(webhookRelayPositions.apiClientId, apiClients.id))
      .where(eq(apiClients.id, clientId))
      .for("update", { of: apiClients });
    if (!row || !row.centerIds.includes(ctx.centerId)) throw new DomainError("not_found:api_client", "No such API client.");
    if (!row.webhookUrl || row.revokedAt) throw new DomainError("conflict:no_webhook", "This API client has no active webhook to retry.");
    const attempts = row.attempts ?? 0;
    if (attempts === 0) return { retried: false, attempts };
    await tx.update(webhookRelayPositions).set({ nextAttemptAt: null, updatedAt: sql`now()` }).where(eq(webhookRelayPositions.apiClientId, clientId));
    await recordAdminEvent(tx, {
      centerId: ctx.centerId,
      actorUserId: ctx.userId,
      action: "api_client_webhook_retried",
      targetType: "api_client",
      targetId: clientId,
      details: { name: row.name, attempts, lastError: (row.lastError ?? "").slice(0, 200) },
    });
    return { retried: true, attempts };
  });
}
