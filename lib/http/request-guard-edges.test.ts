import { describe, expect, it } from "vitest";
import { assertSameOriginWrite } from "./request-guard";

const req = (headers: Record<string, string>, method = "POST") =>
  new Request("http://legit.test:3000/api/station/receiving/scan", { method, headers: { host: "legit.test:3000", ...headers } });
const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
  return null;
};

describe("forged-request guard: edges and what the refusal says", () => {
  it("reads the media type without its parameters, spaces or case", () => {
    expect(refusal(() => assertSameOriginWrite(req({ "content-type": "Application/JSON ; charset=utf-8" })))).toBeNull();
    expect(refusal(() => assertSameOriginWrite(req({ "content-type": "multipart/form-data ; boundary=x" }), "multipart"))).toBeNull();
  });

  it("says which body it wants", () => {
    expect(refusal(() => assertSameOriginWrite(req({ "content-type": "text/plain" })))).toEqual({ code: "unsupported_media_type", message: "Send the request as application/json." });
    expect(refusal(() => assertSameOriginWrite(req({ "content-type": "application/json" }), "multipart"))).toEqual({
      code: "unsupported_media_type",
      message: "Send the request as multipart/form-data.",
    });
  });

  it("refuses cross-site and cross-origin writes with one message", () => {
    const crossSite = { code: "forbidden:cross_site", message: "Cross-site requests are not accepted." };
    expect(refusal(() => assertSameOriginWrite(req({ "content-type": "application/json", "sec-fetch-site": "same-site" })))).toEqual(crossSite);
    expect(refusal(() => assertSameOriginWrite(req({ "content-type": "application/json", origin: "http://evil.example" })))).toEqual(crossSite);
    expect(refusal(() => assertSameOriginWrite(req({ "content-type": "application/json", origin: "null" })))).toEqual(crossSite);
    expect(refusal(() => assertSameOriginWrite(req({ "content-type": "application/json", origin: "not a url" })))).toEqual(crossSite);
  });

  it("accepts a request the user typed (Sec-Fetch-Site: none) and the first host a proxy names", () => {
    expect(refusal(() => assertSameOriginWrite(req({ "content-type": "application/json", "sec-fetch-site": "none" })))).toBeNull();
    const proxied = { "content-type": "application/json", "x-forwarded-host": "legit.example ,proxy.internal", origin: "https://legit.example" };
    expect(refusal(() => assertSameOriginWrite(req(proxied)))).toBeNull();
  });

  it("lets HEAD and OPTIONS through like GET, whatever they carry", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "head"]) {
      expect(refusal(() => assertSameOriginWrite(req({ origin: "http://evil.example" }, method))), method).toBeNull();
    }
    expect(refusal(() => assertSameOriginWrite(req({ origin: "http://evil.example" }, "DELETE")))?.code).toBe("forbidden:cross_site");
  });
});
