import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundOrders, items, users, type Item } from "@/db/schema";
import { createApiClient } from "@/lib/api/api-clients";
import { hashSecret } from "@/lib/auth/password-hash";
import { packItem } from "@/lib/dispatch/packing";
import { readPickQueue } from "@/lib/dispatch/pick-queue";
import { claimPickList, pickScan } from "@/lib/dispatch/picking";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { applyTransition } from "@/lib/items/apply-transition";
import { signIn, type Station } from "@/scripts/bench/http-client";
import { createOrderWithItems } from "../helpers/fixtures";
import { dispatchWorld, freshCode } from "../integration/dispatch-fixtures";
import { addJpeg, claimedItem, ctxOf, scan, tempPhotoStore } from "../integration/inspection-fixtures";

const pin = "482193";

/**
 * A center with the whole floor (inspection defaults, storage bins, a CJ number range, an API
 * client) and its people signed in through real logins, each pair split over two instances: the
 * first of a pair through `one`, the second through `two`. Items in any state are made through the
 * domain functions on `db`.
 */
export async function floorWorld(db: Db, one: string, two: string) {
  const w = await dispatchWorld(db);
  const pinHash = await hashSecret(pin);
  const station = async (base: string, user: { id: string }, name: string): Promise<Station> => {
    const badge = `EMP-${Math.floor(Math.random() * 1e11)}`;
    await db.update(users).set({ badgeCode: badge, pinHash }).where(eq(users.id, user.id));
    return signIn(base, "badge", { badge, pin }, name);
  };
  const client = await createApiClient(db, { name: `Marketplace ${w.center.id.slice(0, 8)}`, centerIds: [w.center.id] });
  const store = await tempPhotoStore();
  const inspector = ctxOf(w.inspector, "TAB-0");
  return {
    w,
    token: client.token,
    /** Two inspectors who may review `inspector`'s verdicts. */
    reviewers: [await station(one, w.inspector2, "TAB-1"), await station(two, w.senior, "TAB-2")] as const,
    operators: [await station(one, w.operator, "FLOOR-1"), await station(two, w.operator2, "FLOOR-2")] as const,

    /** A verdict by the first inspector on a fresh claimed item (with its photo). */
    async verdict(verdict: "pass" | "pass_minor_defect", price: number) {
      const { item, inspectionId } = await claimedItem(db, inspector, { type: "trade", price });
      await addJpeg(db, store, inspector, inspectionId);
      await submitVerdict(db, inspector, { scanId: scan(), inspectionId, verdict, reasonCodes: verdict === "pass" ? [] : ["MINOR_MARK"] });
      return { item, inspectionId };
    },

    /** A passed trade item routed to packing for a buyer. */
    async readyToPack(): Promise<Item> {
      const [item] = await createOrderWithItems(db, w.center.id, ["passed"]);
      await db.update(items).set({ code: freshCode() }).where(eq(items.id, item.id));
      await db.update(inboundOrders).set({ buyer: { id: "B-1", name: "Lee Buyer", address: "Seoul" } }).where(eq(inboundOrders.id, item.orderId));
      await db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: "route_trade", actor: { userId: w.manager.id }, set: { destination: "buyer" } }));
      const [now] = await db.select().from(items).where(eq(items.id, item.id));
      return now;
    },

    /** Packs `item` at the first operator's table; its tracking number. */
    async packed(item: Item) {
      return (await packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "CJ" })).result.trackingNumber;
    },

    /** Claims the pick list holding the sold `item` and scans its bin: the item scan is next. */
    async atItemScan(item: Item) {
      for (const list of await readPickQueue(db, w.op)) {
        const claimed = await claimPickList(db, w.op, { scanId: scan(), pickListId: list.id }).catch(() => null);
        const line = claimed?.result.lines.find((l) => l.itemId === item.id);
        if (!line) continue;
        await pickScan(db, w.op, { scanId: scan(), pickListId: list.id, code: line.binCode! });
        return list.id;
      }
      throw new Error("the sold item is on no claimable pick list");
    },
  };
}
