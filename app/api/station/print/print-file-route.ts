import { DomainError } from "@/lib/errors/domain-error";
import { staffFileRoute } from "@/lib/http/staff-route";
import type { LabelDocument } from "@/lib/labels/label-document";
import { loadPrintDocument } from "@/lib/printing/print-document";

/**
 * A print job's document as a file, `?kind=<kind>&input=<json>` (staffFileRoute: session, role and
 * center checked like every station route). Read only: recording a print is the POST's job.
 */
export function printFileRoute(render: (doc: LabelDocument) => Promise<Response>) {
  return staffFileRoute({ roles: ["operator", "inspector"] }, async ({ db, ctx, request }) => {
    const url = new URL(request.url);
    let input: unknown;
    try {
      input = JSON.parse(url.searchParams.get("input") ?? "");
    } catch {
      throw new DomainError("validation", "input: not JSON");
    }
    return render(await loadPrintDocument(db, ctx, url.searchParams.get("kind") ?? "", input));
  });
}

/** "Item label IT7K3M9Q2XW4P" → item-label-IT7K3M9Q2XW4P.pdf */
export function fileName(doc: LabelDocument, ext: string): string {
  const base = doc.title.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "labels";
  return `${base.slice(0, 60)}.${ext}`;
}
