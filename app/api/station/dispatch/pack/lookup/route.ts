import { z } from "zod";
import { lookupPackItem } from "@/lib/dispatch/packing";
import { staffRoute } from "@/lib/http/staff-route";

/** An item scanned at packing: where it goes and what goes in the box (reads only). */
export const POST = staffRoute({ roles: ["operator"], body: z.object({ code: z.string().trim().min(1).max(60) }) }, async ({ db, ctx, body }) =>
  lookupPackItem(db, ctx, body.code),
);
