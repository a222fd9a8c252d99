import { z } from "zod";
import { getDb } from "@/db/client";
import { describeZodError, toErrorResponse } from "@/lib/api/http/error-response";
import { requireStaff } from "@/lib/auth/current-staff";
import { DomainError } from "@/lib/errors/domain-error";
import { recordLabelPrint, type LabelFormat } from "@/lib/labels/record-label-print";
import type { LabelData } from "@/lib/labels/label-data";

const querySchema = z.object({
  items: z
    .string()
    .transform((s) => s.split(",").map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.uuid()).min(1, "name at least one item").max(100)),
  reprint: z.enum(["0", "1"]).default("0"),
});

/**
 * Label files (PDF, ZPL) for `?items=<id>,<id>[&reprint=1]`: the same session, role and center
 * checks as staffRoute, but the answer is a file. Every label rendered is logged on its item's
 * audit trail (label_printed / label_reprinted) through recordLabelPrint.
 */
export function labelRoute(format: LabelFormat, render: (labels: LabelData[]) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    try {
      const staff = await requireStaff(["operator", "inspector"]);
      const parsed = querySchema.safeParse({ items: url.searchParams.get("items") ?? "", reprint: url.searchParams.get("reprint") ?? undefined });
      if (!parsed.success) throw new DomainError("validation", describeZodError(parsed.error, "items"));
      const station = request.headers.get("x-legit-station")?.slice(0, 40) || url.searchParams.get("station")?.slice(0, 40) || "web";
      const ctx = { ...staff.ctx, station };
      const db = await getDb();
      const labels: LabelData[] = [];
      for (const itemId of [...new Set(parsed.data.items)]) {
        labels.push(await recordLabelPrint(db, ctx, { itemId, format, reprint: parsed.data.reprint === "1" }));
      }
      return await render(labels);
    } catch (error) {
      return toErrorResponse(error, `GET ${url.pathname}`);
    }
  };
}

/** A file name like labels-IT7K3M9Q2XW4P.pdf, or labels-3.pdf for several. */
export function labelFileName(labels: LabelData[], ext: string): string {
  return `labels-${labels.length === 1 ? labels[0].code : labels.length}.${ext}`;
}
