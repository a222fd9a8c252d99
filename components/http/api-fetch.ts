/** One invalid form field as a staff route reports it (zod path and issue code). */
export type FieldIssue = { field: string; code: string };

/**
 * A refusal or failure from our own API: the code and params the screens render in the user's
 * language (useErrorText), the server's English message, and per-field issues for forms.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export function stationId(): string {
  if (typeof window === "undefined") return "server";
  let id = window.localStorage.getItem("legit-station");
  if (!id) {
    id = `ST-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    window.localStorage.setItem("legit-station", id);
  }
  return id;
}

/**
 * Calls a staff API route with the station id: a JSON body, or FormData as is (photo uploads).
 * Throws ApiError with the server's message.
 */
export async function apiFetch<T>(
  url: string,
  init: { method?: string; body?: unknown; timeoutMs?: number; scanId?: string; /** A queued action's own time (epoch ms): x-legit-scanned-at. */ scannedAt?: number } = {},
): Promise<T> {
  const isForm = typeof FormData !== "undefined" && init.body instanceof FormData;
  // A state-changing action's scan id: in a JSON body as `scanId`, and always as a header (uploads).
  const scanHeader: Record<string, string> = {
    ...(init.scanId ? { "x-legit-scan-id": init.scanId } : {}),
    ...(init.scannedAt !== undefined ? { "x-legit-scanned-at": new Date(init.scannedAt).toISOString() } : {}),
  };
  const body = init.scanId && !isForm && init.body && typeof init.body === "object" ? { ...init.body, scanId: init.scanId } : init.body;
  let response: Response;
  // A request that hangs is treated like a lost answer: the caller may retry with the same scan id.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), init.timeoutMs ?? 20_000);
  try {
    response = await fetch(url, {
      signal: timeout.signal,
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      // The browser sets the multipart content type (with its boundary) for FormData itself.
      headers: isForm
        ? { "x-legit-station": stationId(), ...scanHeader }
        : { "content-type": "application/json", "x-legit-station": stationId(), ...scanHeader },
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("network", "", 0);
  } finally {
    clearTimeout(timer);
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error ?? {};
    throw new ApiError(error.code ?? (response.status >= 500 ? "internal" : "generic"), error.message ?? response.statusText, response.status, error.params ?? {}, error.fields ?? []);
  }
  return data as T;
}

export function newScanId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
