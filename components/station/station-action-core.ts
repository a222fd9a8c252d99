import { ApiError, newScanId } from "@/components/http/api-fetch";

/**
 * The parts of a station action that need no React (so they are unit-tested as they are):
 * which scan id an intent uses, and which failures are retried with it.
 *
 * An *intent* is what the person means to do once ("confirm unit X", "record the verdict of
 * inspection Y", "upload this photo"). Its scan id is made on the first try and reused on every
 * retry (lost answer, timeout, server hiccup, double Enter), so the server does the work once and
 * answers a repeat with the first result. Once the server has answered — done or refused — the
 * intent is settled and the next press is a new intent with a new id (a refusal can then be
 * fixed and tried again, e.g. after adding the missing photo).
 */
export class IntentScanIds {
  private readonly ids = new Map<string, string>();

  constructor(private readonly make: () => string = newScanId) {}

  idFor(intent: string): string {
    let id = this.ids.get(intent);
    if (!id) this.ids.set(intent, (id = this.make()));
    return id;
  }

  /** After an attempt: keep the id while the answer may have been lost, drop it once answered. */
  settle(intent: string, error?: unknown): void {
    if (error === undefined || !isRetryable(error)) this.ids.delete(intent);
  }
}

/** No answer (network, timeout) or a server failure: the same request may safely go again. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError ? error.status === 0 || error.status >= 500 : !(error instanceof Error && error.name === "DomainError");
}

export type StationVariables<T> = { intent: string; scanId: string; request: (scanId: string) => Promise<T> };

/** React Query mutation options every station action uses: retries resend the same variables. */
export function stationMutationOptions(retryDelayMs = 500) {
  return {
    mutationFn: <T,>(variables: StationVariables<T>) => variables.request(variables.scanId),
    retry: (failures: number, error: unknown) => failures < 2 && isRetryable(error),
    retryDelay: (attempt: number) => retryDelayMs * 2 ** attempt,
  };
}
