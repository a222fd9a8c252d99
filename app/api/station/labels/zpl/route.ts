import { renderLabelZpl } from "@/lib/labels/render-label-zpl";
import { labelFileName, labelRoute } from "../label-route";

/** Item labels as ZPL for a Zebra printer, downloaded as a file. */
export const GET = labelRoute("zpl", async (labels) => {
  return new Response(renderLabelZpl(labels), {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${labelFileName(labels, "zpl")}"`,
      "cache-control": "no-store",
    },
  });
});
