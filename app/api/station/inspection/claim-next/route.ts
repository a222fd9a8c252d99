import { staffRoute } from "@/lib/http/staff-route";
import { claimNextItem, claimNextSchema } from "@/lib/inspection/claim-next";

/** "Next item": claims the item at the head of the inspection queue; the answer names the inspection. */
export const POST = staffRoute({ roles: ["inspector"], scanInDomain: true, body: claimNextSchema }, async ({ db, ctx, body }) => claimNextItem(db, ctx, body));
