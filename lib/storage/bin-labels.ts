import { z } from "zod";
import type { Bin } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { definePrintJob } from "@/lib/printing/print-job";
import { listZoneBins, listZones } from "./bins-admin";
import { labelSizes, type LabelDocument } from "@/lib/labels/label-document";

const classNames: Record<string, string> = { S: "S · 신발 상자 shoe box", M: "M", L: "L", XL: "XL", Q: "Q · 격리 quarantine" };

/** One 100 × 50 mm label per bin: its code as Code 128 and in large type, zone, class and capacity. */
export function binLabelDocument(zone: { code: string; name: string }, bins: Pick<Bin, "code" | "sizeClass" | "capacity">[]): LabelDocument {
  return {
    title: `Bin labels · zone ${zone.code}`,
    pages: bins.map((bin) => ({
      size: labelSizes.bin,
      blocks: [
        { type: "barcode", value: bin.code, heightMm: 16, showValue: true },
        { type: "text", text: `구역 Zone ${zone.code} · ${zone.name}`, size: 10, bold: true },
        { type: "fields", columns: 2, fields: [{ label: "크기 Size", value: classNames[bin.sizeClass] ?? bin.sizeClass }, { label: "용량 Capacity", value: String(bin.capacity) }] },
      ],
    })),
  };
}

/** Bin labels of a zone (a page of its path) as a station print job: to the station's printer or as PDF. */
export const binLabelJob = definePrintJob({
  roles: ["manager"],
  input: z.object({
    zoneCode: z.string().trim().toUpperCase().min(1).max(3),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(500),
  }),
  load: async (q, ctx, input) => {
    const zone = (await listZones(q, ctx.centerId)).find((z) => z.code === input.zoneCode);
    if (!zone) throw new DomainError("not_found:zone", `No zone ${input.zoneCode} in this center.`, { zone: input.zoneCode });
    return binLabelDocument(zone, await listZoneBins(q, ctx.centerId, input.zoneCode, input));
  },
  // Bins keep no audit trail of their own; the print log of the station records the print.
  record: async () => {},
});
