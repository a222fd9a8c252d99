import { DomainError } from "@/lib/errors/domain-error";

/** Bodies above this are refused with 413 (an announce of 200 units is far below it). */
export const defaultMaxBodyBytes = 1024 * 1024;

/**
 * Reads the request body as text, refusing it once it grows past `maxBytes`: the declared
 * Content-Length is checked first, and the stream is counted too (chunked uploads have none).
 */
export async function readBodyText(request: Request, maxBytes = defaultMaxBodyBytes): Promise<string> {
  const tooLarge = () => new DomainError("too_large:body", `The request body is larger than ${Math.floor(maxBytes / 1024)} KiB.`);
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
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
  return Buffer.concat(chunks).toString("utf8");
}
