import { buildOpenApiDocument } from "@/lib/api/openapi";
import { publicRoute } from "@/lib/http/public-route";

/** The machine-readable API description. */
export const GET = publicRoute("the API description holds no data", (request: Request) =>
  Response.json(buildOpenApiDocument({ serverUrl: new URL("/api/v1", request.url).toString() }), {
    headers: { "cache-control": "public, max-age=300" },
  }),
);
