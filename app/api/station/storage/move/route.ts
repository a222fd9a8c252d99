import { staffRoute } from "@/lib/http/staff-route";
import { moveItem, moveSchema } from "@/lib/storage/move-item";

/** Moves a stored item to the scanned bin. */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: moveSchema }, async ({ db, ctx, body }) => {
  const { result, repeated } = await moveItem(db, ctx, body);
  return { ...result, repeated };
});
