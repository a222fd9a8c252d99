import { getDb } from "@/db/client";
import { toErrorResponse } from "@/lib/api/http/error-response";
import { requireStaff } from "@/lib/auth/current-staff";
import { DomainError } from "@/lib/errors/domain-error";
import type { LabelDocument } from "@/lib/labels/label-document";
import { loadPrintDocument } from "@/lib/printing/print-document";

/**
 * A print job's document as a file, `?kind=<kind>&input=<json>`: same session, role and center
 * checks as staffRoute, but the answer is a file. Read only: recording a print is the POST's job.
 */
export function printFileRoute(render: (doc: LabelDocument) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    try {
      const staff = await requireStaff(["operator", "inspector"]);
      let input: unknown;
      try {
        input = JSON.parse(url.searchParams.get("input") ?? "");
      } catch {
        throw new DomainError("validation", "input: not JSON");
      }
      const db = await getDb();
      return await render(await loadPrintDocument(db, staff.ctx, url.searchParams.get("kind") ?? "", input));
    } catch (error) {
      return toErrorResponse(error, `GET ${url.pathname}`);
    }
  };
}

/** "Item label IT7K3M9Q2XW4P" → item-label-IT7K3M9Q2XW4P.pdf */
export function fileName(doc: LabelDocument, ext: string): string {
  const base = doc.title.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "labels";
  return `${base.slice(0, 60)}.${ext}`;
}
