import { errorResponse } from "@/lib/http/error-response";
import { publicRoute } from "@/lib/http/public-route";

/** Unknown /api/v1 paths answer in the API's error shape rather than with an HTML page. */
function notFound(request: Request) {
  return errorResponse(404, "not_found:route", `There is no ${request.method} ${new URL(request.url).pathname}. See /api/v1/openapi.json.`);
}

const why = "an unknown API path: answers 404 and holds no data";
export const GET = publicRoute(why, notFound);
export const POST = publicRoute(why, notFound);
export const PUT = publicRoute(why, notFound);
export const PATCH = publicRoute(why, notFound);
export const DELETE = publicRoute(why, notFound);
