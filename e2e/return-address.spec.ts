import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { englishDevice } from "./english-device";
import { announceTrade, seoulApiToken, unique } from "./announce";
import { demo, openStation, scan, scannerReady, signInWithBadge, signInWithPassword, snap, switchLocale } from "./helpers";

/*
 * A return to a seller the marketplace gave no address for: the pack station refuses it (why and
 * what to do, in the user's language), the manager's exceptions list it, and once the marketplace
 * gives the address through the API it packs. Set up through the public API; runs at both sizes.
 */
test("a return to a seller with no address is refused at packing, waits among the exceptions, and packs once the address is given", async ({ page, context, request }, testInfo) => {
  const externalId = unique("E2E-NOADDR-");
  const inbound = unique("CJNOADDR");
  await announceTrade(request, { externalId, trackingNumber: inbound, seller: { name: "주소없는 판매자" } });
  const auth = { authorization: `Bearer ${seoulApiToken}` };
  expect((await request.post(`/api/v1/inbound-orders/${externalId}/cancel`, { headers: auth, data: { reason: "buyer cancelled" } })).ok()).toBe(true);

  // The unit arrives anyway and is received: it goes back to its seller.
  await openStation(page, "/receive");
  await switchLocale(page, "en");
  await scan(page, inbound);
  await page.getByTestId("unit").first().getByTestId("confirm-unit").click();
  const code = (await page.getByTestId("unit").first().getByTestId("item-code").textContent())!.trim();

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
  await context.clearCookies();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: testInfo.project.use.baseURL! }]);
  await signInWithPassword(page, demo.managerSeoul);
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

  await context.clearCookies();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: testInfo.project.use.baseURL! }]);
  await signInWithBadge(page, demo.operatorBadge);
  await page.goto("/pack");
  await scannerReady(page);
  await page.locator("h1").first().click();
  await scan(page, code);
  await expect(page.getByTestId("pack-shipment")).toHaveAttribute("data-destination", "seller");
  await expect(status).not.toHaveClass(/scan-status--error/);
  await expect(page.getByTestId("pack-shipment")).toContainText("서울특별시 마포구 월드컵로 1");
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
