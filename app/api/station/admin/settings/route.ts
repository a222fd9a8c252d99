import { z } from "zod";
import { updateCenterSettings } from "@/lib/admin/center-settings";
import { staffRoute } from "@/lib/http/staff-route";

/** An admin replaces their center's settings; every value is validated by the domain function. */
export const PUT = staffRoute({ roles: ["admin"], scan: "admin.settings", body: z.record(z.string(), z.unknown()) }, async ({ db, ctx, body }) =>
  updateCenterSettings(db, ctx, ctx.centerId, body),
);
