import { resolveShortPick, resolveShortPickSchema } from "@/lib/dispatch/short-picks";
import { staffRoute } from "@/lib/http/staff-route";

/** A manager closes a short pick: the item is listed for picking again. */
export const POST = staffRoute({ roles: ["manager"], scan: "dispatch.short_resolve", body: resolveShortPickSchema }, async ({ db, ctx, body }) => resolveShortPick(db, ctx, body));
