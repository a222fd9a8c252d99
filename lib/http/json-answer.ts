/**
 * Answers below this many bytes go uncompressed. It is the `compression` middleware's own threshold
 * (Next's `compress`), which Next's route answers never reach: Next strips their Content-Length and
 * flushes the headers before the body, so the middleware gzips every answer to a browser, a 40-byte
 * one into 53 bytes, at the cost of a zlib stream per request (scripts/bench/floor.ts measures it).
 */
export const compressFromBytes = 1024;

/**
 * A JSON answer. One under `compressFromBytes` says `Cache-Control: no-transform`, which the
 * compression middleware honours (as any proxy must): it goes out as it is. Larger ones are
 * compressed for clients that accept it, as before.
 */
export function jsonAnswer(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json", ...init.headers };
  if (Buffer.byteLength(text) < compressFromBytes) {
    const cacheControl = headers["cache-control"];
    headers["cache-control"] = cacheControl ? `${cacheControl}, no-transform` : "no-transform";
  }
  return new Response(text, { status: init.status ?? 200, headers });
}
