import { staffRoute } from "@/lib/http/staff-route";
import { binActiveSchema, setBinActive } from "@/lib/storage/bins-admin";

/** Deactivates an empty bin, or activates one again. */
export const POST = staffRoute({ roles: ["manager"], scan: "storage.bin_active", body: binActiveSchema }, async ({ db, ctx, body }) => {
  const bin = await setBinActive(db, ctx, body);
  return { code: bin.code, active: bin.active };
});
