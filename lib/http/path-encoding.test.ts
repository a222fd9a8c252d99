import { describe, expect, it } from "vitest";
import { hasReadablePath, proxy } from "@/proxy";
import { NextRequest } from "next/server";

describe("percent-encoding in paths", () => {
  it("accepts readable paths and refuses malformed escapes", () => {
    expect(hasReadablePath("/api/v1/inbound-orders/MK-1%20a/cancel")).toBe(true);
    expect(hasReadablePath("/api/v1/inbound-orders/%ED%95%9C")).toBe(true);
    for (const bad of ["/api/v1/inbound-orders/%E0%A4%A", "/api/v1/items/%zz/sale", "/x/%", "/a/%C0%AF", "/a/%ED%A0%80"]) expect(hasReadablePath(bad), bad).toBe(false);
  });

  it("answers a malformed path 400 in the error shape before routing", async () => {
    const answer = proxy(new NextRequest("http://legit.test/api/v1/inbound-orders/%E0%A4%A"));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: { code: "bad_request:path_encoding", message: expect.any(String) } });
    expect(proxy(new NextRequest("http://legit.test/receive")).headers.get("x-middleware-next")).toBe("1");
  });
});
