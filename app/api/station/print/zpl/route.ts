import { renderZpl } from "@/lib/labels/render-zpl";
import { fileName, printFileRoute } from "../print-file-route";

/** A print job as ZPL (203 dpi), downloaded for a printer Legit does not reach itself. */
export const GET = printFileRoute(async (doc) => {
  return new Response(renderZpl(doc), {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName(doc, "zpl")}"`,
      "cache-control": "no-store",
    },
  });
});
