/**
 * Answers below this many bytes go uncompressed. The `compression` middleware (Next's `compress`)
 * has a threshold of its own (1 KiB) which Next's route answers never reach: Next strips their
 * Content-Length and flushes the headers before the body, so the middleware gzips every answer to a
 * browser, a 40-byte one into 53 bytes, at the cost of a zlib stream per request
 * (scripts/bench/floor.ts measures it). The stream costs about 0.1–0.2 ms of server CPU per answer
 * whatever its size (6.7% of a receive's server CPU, whose answer is 1.1 KB, profiled with
 * `BENCH_CPU_PROF`), while a station's answer of a few KB saves a millisecond at most on the
 * floor's network: below 4 KiB it is not worth it.
 */
export const compressFromBytes = 4096;

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
