import { listQuarantine } from "@/lib/dispatch/quarantine";
import { staffRoute } from "@/lib/http/staff-route";

export const GET = staffRoute({ roles: ["operator"] }, async ({ db, ctx }) => ({ items: await listQuarantine(db, ctx) }));
