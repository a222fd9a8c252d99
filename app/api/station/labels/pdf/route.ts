import { renderLabelPdf } from "@/lib/labels/render-label-pdf";
import { labelFileName, labelRoute } from "../label-route";

/** Item labels as a PDF for an office printer, shown in the browser (inline). */
export const GET = labelRoute("pdf", async (labels) => {
  const pdf = await renderLabelPdf(labels);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${labelFileName(labels, "pdf")}"`,
      "cache-control": "no-store",
    },
  });
});
