import { z } from "zod";
import { updateStaff, updateStaffSchema } from "@/lib/admin/staff";
import { staffRoute } from "@/lib/http/staff-route";

/** Role, center, badge, e-mail, language, name, or (de)activation of one staff member. */
export const PATCH = staffRoute(
  { roles: ["manager"], scan: "admin.staff_update", body: updateStaffSchema, params: z.object({ userId: z.uuid() }) },
  async ({ db, ctx, body, params }) => {
    const user = await updateStaff(db, ctx, params.userId, body);
    return { id: user.id, role: user.role, active: user.active };
  },
);
