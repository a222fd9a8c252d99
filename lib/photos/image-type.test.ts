import { describe, expect, it } from "vitest";
import { contentTypeOfKey, normaliseContentType, sniffImageType } from "./image-type";

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);

describe("image type", () => {
  it("recognises JPEG, PNG and WebP by their magic numbers", () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0))).toBe("image/jpeg");
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("image/png");
    expect(sniffImageType(ascii("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).toBe("image/webp");
  });
  it("rejects anything else, including a truncated header", () => {
    expect(sniffImageType(ascii("GIF89a......"))).toBeNull();
    expect(sniffImageType(ascii("%PDF-1.7"))).toBeNull();
    expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffImageType(ascii("RIFF\u0000\u0000\u0000\u0000WAVE"))).toBeNull();
  });
  it("normalises declared types and maps keys back to types", () => {
    expect(normaliseContentType("Image/JPG; q=1")).toBe("image/jpeg");
    expect(normaliseContentType("image/webp")).toBe("image/webp");
    expect(contentTypeOfKey("inspections/x/a.png")).toBe("image/png");
    expect(contentTypeOfKey("a.bin")).toBe("application/octet-stream");
  });
});
