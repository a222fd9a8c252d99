import { DomainError } from "@/lib/errors/domain-error";

export type WriteBody = "json" | "multipart";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** A request that may change state (not GET, HEAD or OPTIONS). */
export function isStateChanging(request: Request): boolean {
  return !safeMethods.has(request.method.toUpperCase());
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/** host[:port] the browser addressed, as the proxy in front of us saw it. */
function requestHost(request: Request): string | null {
  return request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host") || null;
}

/**
 * The forged-request guard for cookie-authenticated writes (staffRoute runs it before the session
 * is read). A state-changing request must
 * - carry `application/json` (or `multipart/form-data` for photo uploads): a cross-site page can
 *   send neither without a CORS preflight, which we never grant;
 * - not be marked cross-origin by the browser: `Sec-Fetch-Site` is `same-origin` (or `none`, typed by
 *   the user), and `Origin`, when sent, names this host. Another port of the same host is another
 *   origin ("same-site"), and is refused too.
 * Requests without both headers (scripts, curl) carry no ambient browser credentials to abuse.
 */
export function assertSameOriginWrite(request: Request, accepts: WriteBody = "json"): void {
  if (!isStateChanging(request)) return;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new DomainError("forbidden:cross_site", "Cross-site requests are not accepted.");
  }
  const origin = request.headers.get("origin");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host; // an opaque origin ("null") is no URL
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== requestHost(request)) {
      throw new DomainError("forbidden:cross_site", "Cross-site requests are not accepted.");
    }
  }
  const type = mediaType(request);
  const wanted = accepts === "multipart" ? "multipart/form-data" : "application/json";
  if (type !== wanted) {
    throw new DomainError("unsupported_media_type", `Send the request as ${wanted}.`);
  }
}
