import { errorResponse } from "@/lib/api/http/error-response";

/** Unknown /api/v1 paths answer in the API's error shape rather than with an HTML page. */
function notFound(request: Request) {
  return errorResponse(404, "not_found:route", `There is no ${request.method} ${new URL(request.url).pathname}. See /api/v1/openapi.json.`);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
