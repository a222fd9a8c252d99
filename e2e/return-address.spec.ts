import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { englishDevice } from "./english-device";
import { announceTrade, seoulApiToken, unique } from "./announce";
import { demo, openStation, scan, scannerReady, signInWithBadge, signInWithPassword, snap, switchLocale } from "./helpers";

/** A trade order announced without the seller's address, cancelled, its unit received anyway at the station: it goes back to a seller with no address. */
async function returnWithoutAddress(page: Page, request: APIRequestContext, seller: string, prefix: string) {
  const externalId = unique(`E2E-${prefix}-`);
  const inbound = unique(`CJ${prefix}`);
  await announceTrade(request, { externalId, trackingNumber: inbound, seller: { name: seller } });
  expect((await request.post(`/api/v1/inbound-orders/${externalId}/cancel`, { headers: { authorization: `Bearer ${seoulApiToken}` }, data: { reason: "buyer cancelled" } })).ok()).toBe(true);
  await openStation(page, "/receive");
  await switchLocale(page, "en");
  await scan(page, inbound);
  await page.getByTestId("unit").first().getByTestId("confirm-unit").click();
  const code = (await page.getByTestId("unit").first().getByTestId("item-code").textContent())!.trim();
  return { externalId, code };
}

/** Signs `page` in afresh on an English device (`signIn`: the person). */
async function signInAfresh(page: Page, context: BrowserContext, testInfo: TestInfo, signIn: () => Promise<void>) {
  await context.clearCookies();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: testInfo.project.use.baseURL! }]);
  await signIn();
}

/** The operator scans `code` at the pack station: a return to its seller, to `address`. */
async function packsToSeller(page: Page, code: string, address: string) {
  await page.goto("/pack");
  await scannerReady(page);
  await page.locator("h1").first().click();
  await scan(page, code);
  await expect(page.getByTestId("pack-shipment")).toHaveAttribute("data-destination", "seller");
  await expect(page.getByTestId("scan-status")).not.toHaveClass(/scan-status--error/);
  await expect(page.getByTestId("pack-shipment")).toContainText(address);
}

/*
 * A return to a seller the marketplace gave no address for: the pack station refuses it (why and
 * what to do, in the user's language), the manager's exceptions list it, and once the marketplace
 * gives the address through the API it packs. Set up through the public API; runs at both sizes.
 */
test("a return to a seller with no address is refused at packing, waits among the exceptions, and packs once the address is given", async ({ page, context, request }, testInfo) => {
  // The unit arrives anyway and is received: it goes back to its seller.
  const { externalId, code } = await returnWithoutAddress(page, request, "주소없는 판매자", "NOADDR");
  const auth = { authorization: `Bearer ${seoulApiToken}` };

  // The pack station refuses it, with colour and text saying why and what to do.
  await page.goto("/pack");
  await scannerReady(page);
  await page.locator("h1").first().click();
  await scan(page, code);
  const status = page.getByTestId("scan-status");
  await expect(status).toHaveClass(/scan-status--error/);
  await expect(status).toContainText("no address on file");
  await expect(status).toContainText(externalId);
  await expect(page.getByTestId("pack-shipment")).toHaveCount(0);
  await snap(page, testInfo, "pack-no-address-en");
  await switchLocale(page, "ko");
  await scannerReady(page);
  await scan(page, code);
  await expect(status).toHaveClass(/scan-status--error/);
  await expect(status).toContainText("등록된 주소가 없습니다");
  await snap(page, testInfo, "pack-no-address-ko");
  // The scan log shows the long answer wrapped inside its entry (it once ran off the panel's side).
  const overflow = await page.getByTestId("scan-log").locator("li").evaluateAll((entries) => Math.max(...entries.map((e) => e.scrollWidth - e.clientWidth)));
  expect(overflow, "no scan log entry is wider than its box").toBeLessThanOrEqual(0);
  await switchLocale(page, "en");

  // The manager sees it among the exceptions.
  await signInAfresh(page, context, testInfo, () => signInWithPassword(page, demo.managerSeoul));
  await switchLocale(page, "en");
  await page.goto("/desk/exceptions");
  const row = page.locator(`[data-testid=exceptions-awaitingAddress] [data-testid=exception-row][data-subject="${code}"]`);
  await expect(row).toContainText("주소없는 판매자");
  await expect(row).toContainText(externalId);
  await row.scrollIntoViewIfNeeded();
  await snap(page, testInfo, "exceptions-no-address-en");
  await switchLocale(page, "ko");
  await expect(page.getByTestId("exceptions-awaitingAddress")).toContainText("판매자 주소 대기 중인 반송");
  await snap(page, testInfo, "exceptions-no-address-ko");
  await switchLocale(page, "en");

  // The marketplace gives the address: the row goes, and the station packs it.
  const given = await request.put(`/api/v1/inbound-orders/${externalId}/seller-address`, { headers: auth, data: { address: "서울특별시 마포구 월드컵로 1" } });
  expect(given.status(), await given.text()).toBe(200);
  expect((await given.json()).returnsReady).toEqual([expect.objectContaining({ code })]);
  await page.reload();
  await expect(page.getByTestId("exceptions-awaitingAddress")).toBeVisible();
  await expect(row).toHaveCount(0);

  await signInAfresh(page, context, testInfo, () => signInWithBadge(page, demo.operatorBadge));
  await packsToSeller(page, code, "서울특별시 마포구 월드컵로 1");
});

/*
 * An unmatched parcel returned to its sender takes the unit recorded from it along: the manager
 * gives the sender's address from the parcel's label, and the unit's return packs to it.
 */
test("an unmatched parcel's units go back to the sender's address the manager enters", async ({ page, browser }, testInfo) => {
  const station = await browser.newContext({ storageState: englishDevice, baseURL: testInfo.project.use.baseURL });
  const operator = await station.newPage();
  await signInWithBadge(operator, demo.operator2Badge);
  const tracking = unique("NOSENDER");
  const scanned = await station.request.post("/api/station/receiving/scan", { data: { scanId: randomUUID(), code: tracking, confirmUnmatched: true } });
  expect(scanned.ok(), await scanned.text()).toBeTruthy();
  const parcel = (await scanned.json()).parcel;
  const unit = await station.request.post("/api/station/receiving/units/unexpected", {
    data: { scanId: randomUUID(), parcelId: parcel.id, productName: "Unknown sneakers", size: "270", note: "Only thing in the box" },
  });
  expect(unit.ok(), await unit.text()).toBeTruthy();
  const code: string = (await unit.json()).unit.code;

  await signInWithPassword(page, demo.managerSeoul);
  await switchLocale(page, "ko");
  await page.goto("/receive/unmatched");
  const row = page.locator(`[data-testid="unmatched-row"][data-tracking="${tracking}"]`);
  await expect(row.getByTestId("sender-address-note")).toContainText("상품 1개가 함께 반송됩니다");
  await row.locator('input[name="resolution"]').fill("발송인 라벨 확인, 반송");
  const returnButton = row.getByRole("button", { name: "발송인에게 반송" });
  // No address, no return: the button waits for it.
  await expect(returnButton).toBeDisabled();
  await row.locator('input[name="senderAddress"]').fill("부산광역시 해운대구 센텀중앙로 79");
  await row.scrollIntoViewIfNeeded();
  await snap(page, testInfo, "unmatched-return-address-ko");
  await switchLocale(page, "en");
  await expect(row.getByTestId("sender-address-note")).toContainText("1 unit recorded from this parcel goes back with it");
  await row.locator('input[name="senderAddress"]').fill("부산광역시 해운대구 센텀중앙로 79");
  await row.locator('input[name="resolution"]').fill("Sender's label read: back to sender");
  await snap(page, testInfo, "unmatched-return-address-en");
  await row.getByRole("button", { name: "Return to sender" }).click();
  await expect(row).toHaveCount(0);

  // The pack station shows the return with the sender's address.
  await operator.goto("/pack");
  await scannerReady(operator);
  await operator.locator("h1").first().click();
  await scan(operator, code);
  await expect(operator.getByTestId("pack-shipment")).toContainText("부산광역시 해운대구 센텀중앙로 79");
  await station.close();
});

/*
 * A return whose seller has no address and will get none from the marketplace (an unknown sender's,
 * or one left over from before the address was asked for at the return): the manager gives it on
 * the unit's page, reached from the exceptions, and the unit packs to it.
 */
test("the manager gives a waiting return's address on the unit's page, and it packs", async ({ page, context, request }, testInfo) => {
  const { code } = await returnWithoutAddress(page, request, "주소 받을 판매자", "GIVEADDR");
  await signInAfresh(page, context, testInfo, () => signInWithPassword(page, demo.managerSeoul));
  await switchLocale(page, "ko");
  await page.goto("/desk/exceptions");
  const row = page.locator(`[data-testid=exceptions-awaitingAddress] [data-testid=exception-row][data-subject="${code}"]`);
  await expect(row).toContainText("상품 페이지에서 주소를 입력");
  await row.getByTestId("resolve-link").click();
  await expect(page).toHaveURL(new RegExp(`/items/${code}$`));
  // The product's name once, in the user's language (the catalogue's names start with the brand).
  await expect(page.locator("h1")).toHaveText(`${code} · 나이키 덩크 로우 레트로 화이트 블랙`);
  await expect(page.getByTestId("item-facts")).toContainText("스니커즈");
  // The record's steps name a return's reason and where it goes, not their codes.
  await expect(page.getByTestId("item-timeline")).toContainText("사유: 주문 취소");
  await expect(page.getByTestId("item-timeline")).toContainText("대상: 판매자 (반송)");
  await expect(page.getByTestId("item-timeline")).not.toContainText("order_cancelled");
  // A flag by its name in Korean, not its key and `true`.
  await expect(page.getByTestId("item-timeline")).toContainText("판매자 반송");
  await expect(page.getByTestId("item-timeline")).not.toContainText(/returnToSeller|true/);
  const card = page.getByTestId("return-address");
  await expect(card).toContainText("주소 받을 판매자에게 반송되는데 등록된 주소가 없어");
  await snap(page, testInfo, "item-return-address-ko");
  await switchLocale(page, "en");
  await expect(page.locator("h1")).toHaveText(`${code} · Nike Dunk Low Retro White Black`);
  // The record's cards share the whole row at either size (on a wide screen they once left empty columns).
  const rightEdges = await page.locator("[data-testid=item-facts] > .card").evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().right));
  const rowEdge = await page.getByTestId("item-facts").evaluate((row) => row.getBoundingClientRect().right);
  expect(rowEdge - Math.max(...rightEdges)).toBeLessThan(2);
  await expect(card).toContainText("has no address on file");
  await expect(page.getByTestId("return-address-give")).toBeDisabled();
  await page.getByTestId("return-address-input").fill("서울특별시 마포구 월드컵로 1");
  await page.getByTestId("return-address-give").click();
  await expect(page.getByTestId("return-address-answer")).toContainText(`Address kept: ${code} can be packed now.`);
  await expect(page.getByTestId("return-address-kept")).toContainText("주소 받을 판매자 · 서울특별시 마포구 월드컵로 1");
  await snap(page, testInfo, "item-return-address-given-en");
  await page.goto("/desk/exceptions");
  await expect(page.getByTestId("exceptions-awaitingAddress")).toBeVisible();
  await expect(row).toHaveCount(0);

  await signInAfresh(page, context, testInfo, () => signInWithBadge(page, demo.operatorBadge));
  await packsToSeller(page, code, "서울특별시 마포구 월드컵로 1");
});
