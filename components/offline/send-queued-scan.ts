import { ApiError, apiFetch } from "@/components/http/api-fetch";
import { isFinalStatus, type QueuedError, type QueuedScan, type SendOutcome } from "@/lib/offline/queued-scan";

export function queuedErrorOf(error: unknown): QueuedError {
  return error instanceof ApiError ? { code: error.code, status: error.status, params: error.params } : { code: "network", status: 0, params: {} };
}

/** Sends one queued scan with its scan id; the server's answer decides done, refused or failed. */
export async function sendQueuedScan(scan: QueuedScan): Promise<SendOutcome> {
  try {
    const result = await apiFetch<unknown>(scan.request.url, { body: scan.request.body, scanId: scan.scanId });
    return { kind: "done", result };
  } catch (error) {
    const queued = queuedErrorOf(error);
    return isFinalStatus(queued.status) ? { kind: "refused", error: queued } : { kind: "failed", error: queued };
  }
}
