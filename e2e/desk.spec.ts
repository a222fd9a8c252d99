import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { demo, loginWithBadge, loginWithPassword, scan, scannerReady, snap } from "./helpers";

/**
 * The manager's desk at desktop size. Each test makes its own items through the public API and the
 * stations' routes (unique ids per test), then looks at them as a manager.
 */
test.skip(({ viewport }) => (viewport?.width ?? 0) < 1200, "desk pages are for desktop browsers");

const token = "lgt_demo_seoul_0000000000000000000000";

async function signIn(page: Page, badge: string) {
  await loginWithBadge(page, badge);
  try {
    await expect(page.getByTestId("header-user")).toBeVisible({ timeout: 5_000 });
  } catch {
    await loginWithBadge(page, badge);
    await expect(page.getByTestId("header-user")).toBeVisible();
  }
}

async function asManager(page: Page, locale: "en" | "ko" = "en") {
  await loginWithPassword(page, demo.managerSeoul);
  await expect(page.getByTestId("header-user")).toBeVisible();
  await setLocale(page, locale);
}

async function setLocale(page: Page, locale: "en" | "ko") {
  const button = page.getByRole("button", { name: locale === "en" ? "English" : "한국어" });
  if ((await button.getAttribute("aria-pressed")) !== "true") {
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
  }
}

/** Announces a one-unit trade order, receives it and passes it; answers the keys to search by. */
async function inspectedItem(browser: Browser, testInfo: TestInfo) {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  const unique = `${Date.now()}${Math.floor(Math.random() * 1e4)}`;
  const trackingNumber = `5511${unique}`;
  const externalId = `E2E-DESK-${unique}`;
  const sellerName = `최데스크${unique.slice(-4)}`;
  const announce = await context.request.post("/api/v1/inbound-orders", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      externalId,
      type: "trade",
      centerCode: "SEL",
      seller: { id: `S-${unique}`, name: sellerName },
      buyer: { id: "B-E2E", name: "E2E Buyer", address: "1 Test-ro, Seoul" },
      items: [{ sku: `DESK-${unique}`, productName: `Desk Probe Sneaker ${unique}`, category: "sneakers", size: "270", price: 99000 }],
      trackingNumber,
    },
  });
  expect(announce.ok(), await announce.text()).toBeTruthy();
  await signIn(page, demo.operatorBadge);
  const parcel = await (await context.request.post("/api/station/receiving/scan", { data: { scanId: randomUUID(), code: trackingNumber } })).json();
  const unit = parcel.orders[0].units[0];
  const received = await context.request.post("/api/station/receiving/units/receive", {
    data: { scanId: randomUUID(), parcelId: parcel.parcel.id, itemId: unit.itemId },
  });
  expect(received.ok(), await received.text()).toBeTruthy();
  const code: string = (await received.json()).unit.code;
  await context.clearCookies();
  await signIn(page, demo.inspectorBadge);
  const claim = await context.request.post("/api/station/inspection/claim", { data: { scanId: randomUUID(), itemCode: code } });
  expect(claim.ok(), await claim.text()).toBeTruthy();
  const { inspectionId } = await claim.json();
  const verdict = await context.request.post("/api/station/inspection/verdict", { data: { scanId: randomUUID(), inspectionId, verdict: "pass" } });
  expect(verdict.ok(), await verdict.text()).toBeTruthy();
  await context.close();
  return { code, trackingNumber, externalId, sellerName, sku: `DESK-${unique}`, productName: `Probe Sneaker ${unique}` };
}

test("search finds an item by each key, and its page shows every step of its flow", async ({ page, browser }, testInfo) => {
  const item = await inspectedItem(browser, testInfo);
  await asManager(page);
  for (const q of [item.code.slice(2, 10).toLowerCase(), item.trackingNumber, item.externalId, item.sellerName.slice(1), item.productName.toLowerCase(), item.sku]) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    await expect(page.locator(`[data-testid=search-hit][data-code="${item.code}"]`), `search "${q}"`).toBeVisible();
  }
  await page.locator(`[data-testid=search-hit][data-code="${item.code}"] a`).first().click();
  await expect(page.getByTestId("item-code")).toHaveText(item.code);
  await expect(page.getByTestId("item-state")).toHaveText("Awaiting pack");
  const actions = await page.getByTestId("timeline-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  expect(actions).toEqual(expect.arrayContaining(["announce", "receive", "claim", "pass", "route_trade"]));
  expect(actions.indexOf("receive")).toBeLessThan(actions.indexOf("claim"));
  expect(actions.indexOf("claim")).toBeLessThan(actions.indexOf("pass"));
  await expect(page.getByTestId("item-timeline")).toContainText(item.trackingNumber);
  await snap(page, testInfo, "desk-item-en");

  // A scanned item label on a desk page opens the item; the page in Korean.
  await page.goto("/desk");
  await scannerReady(page);
  await page.locator("h1").click();
  await scan(page, item.code);
  await expect(page).toHaveURL(new RegExp(`/items/${item.code}$`));
  await setLocale(page, "ko");
  await expect(page.getByTestId("item-state")).toHaveText("포장 대기");
  await snap(page, testInfo, "desk-item-ko");
});
