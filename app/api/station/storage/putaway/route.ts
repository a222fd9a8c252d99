import { staffRoute } from "@/lib/http/staff-route";
import { putAway, putawaySchema } from "@/lib/storage/putaway";

/** Puts the item into the scanned bin (scan id: a repeat answers the first result). */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: putawaySchema }, async ({ db, ctx, body }) => {
  const { result, repeated } = await putAway(db, ctx, body);
  return { ...result, repeated };
});
