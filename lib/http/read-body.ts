import { DomainError } from "@/lib/errors/domain-error";

/** Bodies above this are refused with 413 (an announce of 200 units is far below it). */
export const defaultMaxBodyBytes = 1024 * 1024;

/**
 * Reads the request body as bytes, refusing it once it grows past `maxBytes`: the declared
 * Content-Length is checked first, and the stream is counted as it arrives (a chunked upload has
 * no length), so an oversized body is refused without being read whole.
 */
export async function readBodyBytes(
  request: Request,
  maxBytes = defaultMaxBodyBytes,
  tooLarge: () => Error = () => new DomainError("too_large:body", `The request body is larger than ${Math.floor(maxBytes / 1024)} KiB.`),
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

/** The body as UTF-8 text (size-limited like readBodyBytes); bytes that are not UTF-8 are a 400. */
export async function readBodyText(request: Request, maxBytes = defaultMaxBodyBytes): Promise<string> {
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError("bad_request:encoding", "The request body is not valid UTF-8.");
  }
}
