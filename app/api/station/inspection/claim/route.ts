import { staffRoute } from "@/lib/http/staff-route";
import { claimItem, claimItemSchema } from "@/lib/inspection/claims";

/** Scan (item code) or tap (item id) claims an item for inspection; the answer names the inspection. */
export const POST = staffRoute({ roles: ["inspector"], scanInDomain: true, body: claimItemSchema }, async ({ db, ctx, body }) => claimItem(db, ctx, body));
