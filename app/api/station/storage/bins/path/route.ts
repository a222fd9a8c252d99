import { staffRoute } from "@/lib/http/staff-route";
import { setZonePath, zonePathSchema } from "@/lib/storage/bins-admin";

/** Re-numbers a zone's pick path (serpentine or straight). */
export const POST = staffRoute({ roles: ["manager"], scan: "storage.zone_path", body: zonePathSchema }, ({ db, ctx, body }) => setZonePath(db, ctx, body));
