import { z } from "zod";
import { revokeApiClient } from "@/lib/api/api-clients";
import { staffRoute } from "@/lib/http/staff-route";

/** Revokes a client of the admin's own center; its token stops working at once. */
export const POST = staffRoute({ roles: ["admin"], scan: "admin.api_client_revoke", params: z.object({ clientId: z.uuid() }) }, async ({ db, ctx, params }) => {
  const revoked = await revokeApiClient(db, ctx, params.clientId);
  return { id: revoked.id, revokedAt: revoked.revokedAt };
});
