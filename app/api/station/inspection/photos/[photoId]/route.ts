import { getDb } from "@/db/client";
import { toErrorResponse } from "@/lib/api/http/error-response";
import { requireStaff } from "@/lib/auth/current-staff";
import { getPhotoContent } from "@/lib/inspection/inspection-photos";
import { getPhotoStore } from "@/lib/photos/photo-store";

/**
 * A photo's bytes for thumbnails and the permanent record. Not staffRoute (that answers JSON): the
 * same checks by hand — signed in, an inspector or above, and the photo of the caller's center.
 */
export async function GET(request: Request, context: { params: Promise<{ photoId: string }> }): Promise<Response> {
  try {
    const staff = await requireStaff(["inspector"]);
    const { photoId } = await context.params;
    const db = await getDb();
    const { bytes, contentType } = await getPhotoContent(db, getPhotoStore(), staff.ctx.centerId, photoId);
    return new Response(Buffer.from(bytes), {
      headers: { "content-type": contentType, "cache-control": "private, max-age=86400", "x-content-type-options": "nosniff" },
    });
  } catch (error) {
    return toErrorResponse(error, `GET ${new URL(request.url).pathname}`);
  }
}
