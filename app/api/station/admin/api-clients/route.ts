import { z } from "zod";
import { createApiClient, webhookUrlSchema } from "@/lib/api/api-clients";
import { staffRoute } from "@/lib/http/staff-route";

const createBody = z.object({
  name: z.string().trim().min(1, "Give the client a name.").max(100),
  webhookUrl: z.union([webhookUrlSchema, z.literal("")]).optional(),
});

/**
 * A repeat of the same create (lost answer) must not make a second client, nor keep the token in
 * the database: it answers the same client with `secretsLost: true` (the screen says to revoke it
 * and create a new one if the token was not seen).
 */
function withoutSecrets(result: unknown): unknown {
  return { ...(result as object), token: null, webhookSecret: null, secretsLost: true };
}

/** An admin creates an API client for their own center; the token is in this answer only. */
export const POST = staffRoute({ roles: ["admin"], scan: { kind: "admin.api_client_create", remember: withoutSecrets }, body: createBody }, async ({ db, ctx, body }) => {
  const created = await createApiClient(db, {
    name: body.name,
    centerIds: [ctx.centerId],
    webhookUrl: body.webhookUrl || undefined,
    createdBy: ctx.userId,
  });
  return { id: created.client.id, name: created.client.name, token: created.token, webhookSecret: created.webhookSecret };
});
