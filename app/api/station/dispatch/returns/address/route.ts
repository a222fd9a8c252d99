import { giveReturnAddress, giveReturnAddressSchema } from "@/lib/dispatch/give-return-address";
import { staffRoute } from "@/lib/http/staff-route";

/** A manager gives the address of a return waiting for its seller's address (the unit's page). */
export const POST = staffRoute({ roles: ["manager"], scan: "dispatch.return_address", body: giveReturnAddressSchema }, async ({ db, ctx, body }) => giveReturnAddress(db, ctx, body));
