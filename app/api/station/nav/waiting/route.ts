import { staffRoute } from "@/lib/http/staff-route";
import { countWaitingWork } from "@/lib/stations/waiting-work";

/** How much work waits at each station of the caller's center (the header's counts, polled). */
export const GET = staffRoute({}, async ({ db, ctx }) => countWaitingWork(db, ctx.centerId));
