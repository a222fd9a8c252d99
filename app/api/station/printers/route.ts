import { staffRoute } from "@/lib/http/staff-route";
import { listStationPrinters, setStationPrinter, setStationPrinterSchema } from "@/lib/printing/station-printers";

/** The center's station printers (managers). */
export const GET = staffRoute({ roles: ["manager"] }, async ({ db, ctx }) => ({ printers: await listStationPrinters(db, ctx.centerId) }));

/** Sets a station's network printer (managers). */
export const POST = staffRoute({ roles: ["manager"], scan: "printing.printer_set", body: setStationPrinterSchema }, async ({ db, ctx, body }) => ({
  printer: await setStationPrinter(db, ctx, body),
}));
