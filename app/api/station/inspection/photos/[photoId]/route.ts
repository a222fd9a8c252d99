import { z } from "zod";
import { staffFileRoute } from "@/lib/http/staff-route";
import { getPhotoContent } from "@/lib/inspection/inspection-photos";
import { getPhotoStore } from "@/lib/photos/photo-store";

/** A photo's bytes for thumbnails and the permanent record: an inspector or above, a photo of the caller's center. */
export const GET = staffFileRoute({ roles: ["inspector"], params: z.object({ photoId: z.string() }) }, async ({ db, ctx, params }) => {
  const { bytes, contentType } = await getPhotoContent(db, getPhotoStore(), ctx.centerId, params.photoId);
  return new Response(Buffer.from(bytes), {
    headers: { "content-type": contentType, "cache-control": "private, max-age=86400", "x-content-type-options": "nosniff" },
  });
});
