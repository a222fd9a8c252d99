/**
 * A refusal the user or client can act on. `code` is "<kind>:<detail>", e.g. "conflict:item_state";
 * the kind decides the HTTP status, the message is shown to people as is.
 */
export type ErrorKind =
  | "validation"
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "unsupported_media_type"
  | "locked"
  | "unavailable";

export class DomainError extends Error {
  constructor(
    readonly code: `${ErrorKind}:${string}` | ErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }

  get kind(): ErrorKind {
    return this.code.split(":")[0] as ErrorKind;
  }
}

const statusByKind: Record<ErrorKind, number> = {
  validation: 422,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  locked: 423,
  unavailable: 503,
};

export function httpStatusOf(error: DomainError): number {
  return statusByKind[error.kind];
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
