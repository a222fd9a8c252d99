import { buildOpenApiDocument } from "@/lib/api/openapi";

/** The machine-readable API description (public: it holds no data). */
export function GET(request: Request) {
  return Response.json(buildOpenApiDocument({ serverUrl: new URL("/api/v1", request.url).toString() }), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
