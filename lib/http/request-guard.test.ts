import { describe, expect, it } from "vitest";
import { assertSameOriginWrite } from "./request-guard";

const post = (headers: Record<string, string>, method = "POST") =>
  new Request("http://legit.test:3000/api/station/receiving/scan", { method, headers: { host: "legit.test:3000", ...headers } });

const json = { "content-type": "application/json" };

describe("forged-request guard", () => {
  it("lets same-origin JSON writes through, and scripts that send no browser headers", () => {
    expect(() => assertSameOriginWrite(post({ ...json, origin: "http://legit.test:3000", "sec-fetch-site": "same-origin" }))).not.toThrow();
    expect(() => assertSameOriginWrite(post({ "content-type": "application/json; charset=utf-8" }))).not.toThrow();
    expect(() => assertSameOriginWrite(post({ ...json, "x-forwarded-host": "legit.example", origin: "https://legit.example" }))).not.toThrow();
  });

  it("refuses another origin, another port of the same host, a cross-site fetch and an opaque origin", () => {
    const refused = expect.objectContaining({ code: "forbidden:cross_site" });
    expect(() => assertSameOriginWrite(post({ ...json, origin: "http://evil.example" }))).toThrow(refused);
    expect(() => assertSameOriginWrite(post({ ...json, origin: "http://legit.test:4000" }))).toThrow(refused);
    expect(() => assertSameOriginWrite(post({ ...json, "sec-fetch-site": "same-site" }))).toThrow(refused);
    expect(() => assertSameOriginWrite(post({ ...json, "sec-fetch-site": "cross-site" }))).toThrow(refused);
    expect(() => assertSameOriginWrite(post({ ...json, origin: "null" }))).toThrow(refused);
  });

  it("refuses the bodies a cross-site form or no-cors fetch can send, and multipart outside uploads", () => {
    const media = expect.objectContaining({ code: "unsupported_media_type" });
    expect(() => assertSameOriginWrite(post({ "content-type": "text/plain" }))).toThrow(media);
    expect(() => assertSameOriginWrite(post({ "content-type": "application/x-www-form-urlencoded" }))).toThrow(media);
    expect(() => assertSameOriginWrite(post({}))).toThrow(media);
    expect(() => assertSameOriginWrite(post({ "content-type": "multipart/form-data; boundary=x" }))).toThrow(media);
    expect(() => assertSameOriginWrite(post({ "content-type": "multipart/form-data; boundary=x" }), "multipart")).not.toThrow();
    expect(() => assertSameOriginWrite(post(json), "multipart")).toThrow(media);
  });

  it("leaves reads alone", () => {
    expect(() => assertSameOriginWrite(post({ origin: "http://evil.example" }, "GET"))).not.toThrow();
  });
});
