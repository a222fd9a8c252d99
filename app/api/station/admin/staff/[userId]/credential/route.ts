import { z } from "zod";
import { resetCredential, resetCredentialSchema } from "@/lib/admin/staff";
import { staffRoute } from "@/lib/http/staff-route";

/** Sets a new PIN or password for a staff member (and unlocks the account). */
export const POST = staffRoute(
  { roles: ["manager"], scan: "admin.staff_credential", body: resetCredentialSchema, params: z.object({ userId: z.uuid() }) },
  async ({ db, ctx, body, params }) => {
    await resetCredential(db, ctx, params.userId, body);
    return { ok: true };
  },
);
