import { decideQuarantine } from "@/lib/dispatch/quarantine";
import { readPhotoUpload } from "@/lib/http/read-photo-upload";
import { staffRoute } from "@/lib/http/staff-route";
import { getPhotoStore } from "@/lib/photos/photo-store";

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value.length > 0 ? value : undefined;
};

/** A manager's quarantine decision as multipart form data: itemId, decision, reason, handedTo and a photo. */
export const POST = staffRoute({ roles: ["manager"], upload: true, scan: "dispatch.quarantine_decide" }, async ({ db, ctx, request }) => {
  const { bytes, declaredType, form } = await readPhotoUpload(request);
  return decideQuarantine(
    db,
    getPhotoStore(),
    ctx,
    { itemId: field(form, "itemId") ?? "", decision: field(form, "decision") as never, reason: field(form, "reason") ?? "", handedTo: field(form, "handedTo") },
    [{ bytes, contentType: declaredType }],
  );
});
