import { expect, type APIRequestContext } from "@playwright/test";
import { demoApiTokens } from "../scripts/demo-tokens";

/*
 * Setting up a journey through the public API: each test announces its own order (unique ids and
 * tracking numbers), so tests run in parallel and in both projects against one server.
 */

export const seoulApiToken = demoApiTokens.SEL;

/** A unique id with a readable prefix: the time in base 36 and `random` random characters. */
export const unique = (prefix: string, random = 5) =>
  `${prefix}${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 2 + random).toUpperCase()}`;

export type Line = { sku: string; productName: string; category: "sneakers" | "apparel"; size: string; price: number };
export const dunk: Line = { sku: "DD1391-100", productName: "Nike Dunk Low Retro White Black", category: "sneakers", size: "270", price: 139000 };

type Party = { id?: string; name: string; address?: string };

/** Announces a trade order at the Seoul center (201 expected) and answers its id and inbound tracking number. */
export async function announceTrade(
  request: APIRequestContext,
  order: { externalId: string; trackingNumber?: string; items?: Line[]; seller?: Party; buyer?: Party },
) {
  const response = await request.post("/api/v1/inbound-orders", {
    headers: { authorization: `Bearer ${seoulApiToken}` },
    data: {
      externalId: order.externalId,
      type: "trade",
      centerCode: "SEL",
      seller: { id: order.seller?.id ?? unique("S-"), name: order.seller?.name ?? "E2E Seller", ...(order.seller?.address ? { address: order.seller.address } : {}) },
      buyer: { id: "B-1", name: "E2E Buyer", address: "1 Test-ro, Seoul", ...order.buyer },
      items: order.items ?? [dunk],
      ...(order.trackingNumber ? { trackingNumber: order.trackingNumber } : {}),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { externalId: order.externalId, trackingNumber: order.trackingNumber ?? "" };
}
