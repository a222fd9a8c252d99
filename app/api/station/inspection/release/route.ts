import { z } from "zod";
import { staffRoute } from "@/lib/http/staff-route";
import { releaseClaim } from "@/lib/inspection/claims";

/** Puts a claimed item back in the queue: a manager for anyone's claim, an inspector for their own. */
export const POST = staffRoute({ roles: ["inspector"], scan: "inspection.release", body: z.object({ itemId: z.uuid() }) }, async ({ db, ctx, body }) =>
  releaseClaim(db, ctx, body),
);
