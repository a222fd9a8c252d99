import { renderPdf } from "@/lib/labels/render-pdf";
import { fileName, printFileRoute } from "../print-file-route";

/** A print job as PDF, shown inline (the station prints it from a hidden frame). */
export const GET = printFileRoute(async (doc) => {
  const pdf = await renderPdf(doc);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${fileName(doc, "pdf")}"`,
      "cache-control": "no-store",
    },
  });
});
