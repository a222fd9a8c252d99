import { staffRoute } from "@/lib/http/staff-route";
import { printDocument, printRequestSchema } from "@/lib/printing/print-document";

/**
 * Prints at the calling station (x-legit-station): ZPL to its network printer, or the URL of the
 * PDF for the browser's print dialog. Each real print is recorded once (scan id).
 */
export const POST = staffRoute({ roles: ["operator", "inspector"], scanInDomain: true, body: printRequestSchema }, async ({ db, ctx, body }) => {
  const { result, repeated } = await printDocument(db, ctx, body);
  return { ...result, repeated };
});
