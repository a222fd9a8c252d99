import { z } from "zod";
import { createApiClient, webhookUrlSchema } from "@/lib/api/api-clients";
import { staffRoute } from "@/lib/http/staff-route";

const createBody = z.object({
  name: z.string().trim().min(1, "Give the client a name.").max(100),
  webhookUrl: z.union([webhookUrlSchema, z.literal("")]).optional(),
});

/** An admin creates an API client for their own center; the token is in this answer only. */
export const POST = staffRoute({ roles: ["admin"], body: createBody }, async ({ db, staff, body }) => {
  const created = await createApiClient(db, {
    name: body.name,
    centerIds: [staff.center.id],
    webhookUrl: body.webhookUrl || undefined,
    createdBy: staff.user.id,
  });
  return { id: created.client.id, name: created.client.name, token: created.token, webhookSecret: created.webhookSecret };
});
