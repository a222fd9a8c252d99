import { z } from "zod";
import { staffRoute } from "@/lib/http/staff-route";
import { removeStationPrinter, stationIdSchema } from "@/lib/printing/station-printers";

/** Back to PDF printing in the browser for a station (managers). */
export const POST = staffRoute({ roles: ["manager"], scan: "printing.printer_remove", body: z.object({ station: stationIdSchema }) }, async ({ db, ctx, body }) => {
  await removeStationPrinter(db, ctx, body.station);
  return { ok: true };
});
