import { z } from "zod";
import { listApiClients, revokeApiClient } from "@/lib/api/api-clients";
import { DomainError } from "@/lib/errors/domain-error";
import { staffRoute } from "@/lib/http/staff-route";

/** Revokes a client of the admin's own center; its token stops working at once. */
export const POST = staffRoute({ roles: ["admin"], params: z.object({ clientId: z.uuid() }) }, async ({ db, staff, params }) => {
  const ownClients = await listApiClients(db, { centerId: staff.center.id });
  if (!ownClients.some((c) => c.id === params.clientId)) throw new DomainError("not_found:api_client", "No such API client in this center.");
  const revoked = await revokeApiClient(db, params.clientId);
  return { id: revoked.id, revokedAt: revoked.revokedAt };
});
