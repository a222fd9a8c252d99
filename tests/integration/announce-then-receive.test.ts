import { expect, it } from "vitest";
import { announceOrder } from "@/lib/orders/announce-order";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { describeEachDb } from "../helpers/databases";
import { worldBeforeAll } from "../helpers/world-before-all";
import { createUser, uniq } from "../helpers/fixtures";
import { setUpApiWorld, tradeOrder } from "./api-helpers";

describeEachDb("an order announced through the API is found by the receiving scan", (use) => {
  const world = worldBeforeAll(use, setUpApiWorld);

  it("matches a tracking number announced with spaces, hyphens and lower case to the scanner's reading", async () => {
    const digits = String(Date.now()).slice(-8);
    await announceOrder(use(), world.callerA, tradeOrder(world.a.code, { trackingNumber: `cj-${digits.slice(0, 4)} ${digits.slice(4)}` }));
    const operator = await createUser(use(), world.a.id, "operator");
    const { result: answer } = await scanParcel(use(), { userId: operator.id, centerId: world.a.id, role: "operator", station: "RCV" }, {
      scanId: uniq("scan-"),
      trackingNumber: `CJ${digits}`,
    });
    expect(answer.outcome).toBe("matched");
    expect(answer.orders).toHaveLength(1);
  });
});
