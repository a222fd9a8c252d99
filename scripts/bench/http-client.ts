import http from "node:http";
import zlib from "node:zlib";

/** One keep-alive agent for the whole run: stations reuse their connections as browsers do. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });

/** What a tablet's browser (Chromium) says it accepts; the answer is decoded as the browser would. */
const browserAcceptEncoding = "gzip, deflate, br, zstd";

function decode(bytes: Buffer, encoding: string | undefined): Buffer {
  if (encoding === "gzip") return zlib.gunzipSync(bytes);
  if (encoding === "deflate") return zlib.inflateSync(bytes);
  if (encoding === "br") return zlib.brotliDecompressSync(bytes);
  return bytes;
}

export type HttpAnswer = { status: number; body: string; headers: http.IncomingHttpHeaders; ms: number; bytes: number };

/**
 * One request as a browser sends it: with the browser's Accept-Encoding unless `accept-encoding` is
 * given ("" sends none); `body` is the decoded answer, `bytes` what came over the wire.
 */
export function request(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  requestsSent.count++;
  const url = new URL(path, base);
  const started = performance.now();
  const headers: Record<string, string> = { "accept-encoding": browserAcceptEncoding, ...options.headers };
  if (!headers["accept-encoding"]) delete headers["accept-encoding"];
  // Node sends a DELETE's body unframed unless told its length: the server then reads it as the next request.
  if (options.body !== undefined && !headers["content-length"]) headers["content-length"] = String(Buffer.byteLength(options.body));
  return send(url, method, headers, options.body, started, false);
}

/** Requests sent (retries not counted): the bench divides its measured floor by requests, not by units of work. */
export const requestsSent = { count: 0 };

/** Requests sent again because the server had closed their idle keep-alive connection (see `send`). */
export const staleConnectionRetries = { count: 0 };

function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, started: number, retried: boolean): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, method, hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          try {
            const body = decode(bytes, res.headers["content-encoding"]).toString("utf8");
            resolve({ status: res.statusCode ?? 0, body, headers: res.headers, ms: performance.now() - started, bytes: bytes.length });
          } catch (error) {
            reject(error);
          }
        });
        res.on("error", reject);
      },
    );
    // The server closes a keep-alive connection idle for 5 s; a request written to it just then fails
    // before any answer. A browser sends it again on a new connection (Node's documented pattern); a
    // station's write carries its scan id, so the server would answer a repeat with the first result.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (!retried && req.reusedSocket && error.code === "ECONNRESET") {
        staleConnectionRetries.count++;
        resolve(send(url, method, headers, body, started, true));
      } else reject(error);
    });
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

function cookiesOf(headers: http.IncomingHttpHeaders): string[] {
  return (headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);
}

/** A signed-in station: its session cookie, as a browser would hold it. */
export type Station = { cookie: string; name: string };

/** Signs in through Auth.js's real credentials endpoint (CSRF token, then the provider's callback). */
export async function signIn(base: string, provider: "badge" | "password", fields: Record<string, string>, name: string): Promise<Station> {
  const csrf = await request(base, "GET", "/api/auth/csrf");
  const jar = cookiesOf(csrf.headers);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ ...fields, csrfToken, callbackUrl: "/" }).toString();
  const answer = await request(base, "POST", `/api/auth/callback/${provider}`, {
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), "x-auth-return-redirect": "1" },
    body: form,
  });
  const session = cookiesOf(answer.headers).find((c) => c.startsWith("authjs.session-token=") || c.startsWith("__Secure-authjs.session-token="));
  if (!session) throw new Error(`sign-in of ${name} failed: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
  return { cookie: session, name };
}

/** A station's JSON call to one of the screens' routes. */
export function stationPost(base: string, station: Station, path: string, body: unknown): Promise<HttpAnswer> {
  return request(base, "POST", path, {
    headers: { "content-type": "application/json", cookie: station.cookie, "x-legit-station": station.name },
    body: JSON.stringify(body),
  });
}

export function stationGet(base: string, station: Station, path: string): Promise<HttpAnswer> {
  return request(base, "GET", path, { headers: { cookie: station.cookie, "x-legit-station": station.name } });
}

export function apiCall(base: string, token: string, method: string, path: string, body?: unknown): Promise<HttpAnswer> {
  return request(base, method, path, {
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function waitForServer(base: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const answer = await request(base, "GET", "/api/auth/csrf");
      if (answer.status === 200) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`server at ${base} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
