import { ApiError, apiFetch } from "@/components/http/api-fetch";
import { isFinalStatus, type QueuedError, type QueuedScan, type SendOutcome } from "@/lib/offline/queued-scan";

export function queuedErrorOf(error: unknown): QueuedError {
  return error instanceof ApiError ? { code: error.code, status: error.status, params: error.params } : { code: "network", status: 0, params: {} };
}

/** The request's body as sent: its JSON, or a form with its file (an upload kept offline). */
function bodyOf({ body, file }: QueuedScan["request"]): unknown {
  if (!file) return body;
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) form.set(name, String(value));
  form.set(file.field, file.blob, file.name);
  return form;
}

/**
 * Sends one queued scan with its scan id and the time it was made (the server records both); the
 * server's answer decides done, refused or failed.
 */
export async function sendQueuedScan(scan: QueuedScan): Promise<SendOutcome> {
  try {
    const result = await apiFetch<unknown>(scan.request.url, { body: bodyOf(scan.request), scanId: scan.scanId, scannedAt: scan.queuedAt });
    return { kind: "done", result };
  } catch (error) {
    const queued = queuedErrorOf(error);
    return isFinalStatus(queued.status) ? { kind: "refused", error: queued } : { kind: "failed", error: queued };
  }
}
