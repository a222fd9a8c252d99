import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { describeOperations, exampleOf, flattenFields, type JsonSchema } from "./openapi-view";
import {
  announceOrderResponseSchema,
  announceOrderSchema,
  buyerDecisionSchema,
  cancelOrderResponseSchema,
  cancelOrderSchema,
  eventsResponseSchema,
  itemResponseSchema,
  orderViewSchema,
  saleSchema,
  webhookBatchSchema,
  withdrawalSchema,
} from "./schemas";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const doc = buildOpenApiDocument() as any;
const ops = describeOperations(doc);
const op = (id: string) => ops.calls.find((o) => o.id === id)!;

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with every call, bearer auth and the webhook", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(ops.calls.map((o) => `${o.method} ${o.path}`)).toEqual([
      "POST /inbound-orders",
      "GET /inbound-orders/{externalId}",
      "POST /inbound-orders/{externalId}/cancel",
      "PUT /inbound-orders/{externalId}/seller-address",
      "POST /items/{itemId}/sale",
      "POST /items/{itemId}/withdrawal",
      "POST /items/{itemId}/buyer-decision",
      "GET /events",
    ]);
    expect(ops.calls.every((o) => o.authenticated)).toBe(true);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(ops.webhooks.map((w) => w.path)).toEqual(["events"]);
  });

  it("describes the announce body from the zod schema, with required fields and nested paths", () => {
    const fields = op("announceOrder").bodyFields;
    const byPath = Object.fromEntries(fields.map((f) => [f.path, f]));
    expect(byPath.externalId).toMatchObject({ required: true, type: "string" });
    expect(byPath.type.type).toBe('"trade" | "storage"');
    expect(byPath.buyer.required).toBe(false);
    expect(byPath["items[].price"]).toMatchObject({ required: true, type: "integer" });
    expect(byPath["items[].category"].type).toContain('"sneakers"');
    expect(byPath["seller.name"].required).toBe(true);
  });

  it("lists the error answers of each call", () => {
    const statuses = (id: string) => op(id).responses.map((r) => r.status);
    expect(statuses("announceOrder")).toEqual(["200", "201", "400", "401", "403", "409", "413", "422", "500"]);
    expect(statuses("reportSale")).toEqual(expect.arrayContaining(["200", "401", "404", "409", "422"]));
    expect(op("announceOrder").responses.find((r) => r.status === "409")?.schemaName).toBe("Error");
  });

  it("has example bodies that the API itself accepts, and example answers that match the answer schemas", () => {
    expect(announceOrderSchema.safeParse(op("announceOrder").bodyExample).success).toBe(true);
    expect(cancelOrderSchema.safeParse(op("cancelOrder").bodyExample).success).toBe(true);
    expect(saleSchema.safeParse(op("reportSale").bodyExample).success).toBe(true);
    expect(withdrawalSchema.safeParse(op("reportWithdrawal").bodyExample).success).toBe(true);
    expect(buyerDecisionSchema.safeParse(op("reportBuyerDecision").bodyExample).success).toBe(true);
    const answers: [string, { safeParse: (v: unknown) => { success: boolean; error?: unknown } }][] = [
      ["announceOrder", announceOrderResponseSchema],
      ["getOrder", orderViewSchema],
      ["cancelOrder", cancelOrderResponseSchema],
      ["reportSale", itemResponseSchema],
      ["reportWithdrawal", itemResponseSchema],
      ["reportBuyerDecision", itemResponseSchema],
      ["listEvents", eventsResponseSchema],
    ];
    for (const [id, schema] of answers) {
      const result = schema.safeParse(op(id).successExample);
      expect(result.success, `${id}: ${JSON.stringify(result.error)}`).toBe(true);
    }
    expect(webhookBatchSchema.safeParse(ops.webhooks[0].bodyExample).success).toBe(true);
    expect(op("reportSale").successExample).toMatchObject({ item: { state: "awaiting_pick", destination: "buyer" } });
    expect(op("reportWithdrawal").successExample).toMatchObject({ item: { state: "awaiting_pick", destination: "seller" } });
  });

  it("flattens nullable refs and arrays in field tables", () => {
    const schema: JsonSchema = {
      type: "object",
      required: ["a"],
      properties: { a: { anyOf: [{ $ref: "#/components/schemas/X" }, { type: "null" }] }, b: { type: "array", items: { type: "string" } } },
    };
    const local = { components: { schemas: { X: { type: "object", properties: { y: { type: "integer", example: 3 } }, required: ["y"] } } } };
    expect(flattenFields(local, schema)).toEqual([
      { path: "a", type: "object | null", required: true, description: "" },
      { path: "a.y", type: "integer", required: true, description: "" },
      { path: "b", type: "string[]", required: false, description: "" },
    ]);
    expect(exampleOf(local, schema)).toEqual({ a: { y: 3 }, b: ["…"] });
  });
});
