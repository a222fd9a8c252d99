import { createStaff, createStaffSchema } from "@/lib/admin/staff";
import { staffRoute } from "@/lib/http/staff-route";

/** A manager adds floor staff to their center; an admin anyone to any center. */
export const POST = staffRoute({ roles: ["manager"], scan: "admin.staff_create", body: createStaffSchema }, async ({ db, ctx, body }) => {
  const user = await createStaff(db, ctx, body);
  return { id: user.id, name: user.name, role: user.role };
});
