import { z } from "zod";
import { describeZodError } from "@/lib/http/error-response";
import { DomainError } from "@/lib/errors/domain-error";
import { staffFileRoute } from "@/lib/http/staff-route";
import { renderPdf } from "@/lib/labels/render-pdf";
import { renderZpl } from "@/lib/labels/render-zpl";
import { binLabelDocument } from "@/lib/storage/bin-labels";
import { listZoneBins, listZones } from "@/lib/storage/bins-admin";

const querySchema = z.object({
  zone: z.string().trim().toUpperCase().min(1).max(3),
  format: z.enum(["pdf", "zpl"]),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** Bin labels of a zone in pick-path order, as PDF or ZPL (`?zone=A&format=pdf[&offset&limit]`), for managers. */
export const GET = staffFileRoute({ roles: ["manager"] }, async ({ db, staff, request }) => {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new DomainError("validation", describeZodError(parsed.error, "query"));
  const { zone: zoneCode, format, offset, limit } = parsed.data;
  const zone = (await listZones(db, staff.center.id)).find((z) => z.code === zoneCode);
  if (!zone) throw new DomainError("not_found:zone", `No zone ${zoneCode} in this center.`, { zone: zoneCode });
  const bins = await listZoneBins(db, staff.center.id, zoneCode, { offset, limit });
  const doc = binLabelDocument(zone, bins);
  const name = `bins-${staff.center.code}-${zoneCode}`;
  if (format === "zpl") {
    return new Response(renderZpl(doc), {
      headers: { "content-type": "text/plain; charset=utf-8", "content-disposition": `attachment; filename="${name}.zpl"`, "cache-control": "no-store" },
    });
  }
  return new Response(new Uint8Array(await renderPdf(doc)), {
    headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${name}.pdf"`, "cache-control": "no-store" },
  });
});
