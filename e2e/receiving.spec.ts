import { deflateSync } from "node:zlib";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demo, loginWithBadge, openStation, scan, signInWithPassword, snap, switchLocale } from "./helpers";
import { announceTrade, dunk, seoulApiToken, unique, type Line } from "./announce";

/*
 * Receiving journeys at the station, as an operator with a scanner would do them. Every test
 * announces its own order through the public API (unique ids and tracking numbers), so the tests
 * run in parallel and in both projects against one server.
 */

const itemCodePattern = /^IT[0-9A-Z]{11}$/;

const jordan: Line = { sku: "E2E-AJ1-CHI", productName: "Air Jordan 1 High OG Chicago", category: "sneakers", size: "265", price: 320000 };
const hoodie: Line = { sku: "E2E-HOODIE-M", productName: "Essentials Hoodie", category: "apparel", size: "M", price: 89000 };

const announce = (request: APIRequestContext, items: Line[], opts: { tracking?: boolean } = {}) =>
  announceTrade(request, { externalId: unique("E2E-RCV-"), trackingNumber: opts.tracking === false ? undefined : unique("CJ"), items });

/** A small valid PNG (a colour gradient) built here: signature, IHDR, IDAT, IEND with their CRCs. */
function makePng(width = 160, height = 120): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3); // each row starts with filter type 0
    for (let x = 0; x < width; x++) rows.set([Math.round((x / width) * 255), Math.round((y / height) * 255), 160], row + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

/** An <img> has loaded and decoded (not a broken image). */
const decoded = (img: HTMLImageElement) => img.complete && img.naturalWidth > 0;

const status = (page: Page) => page.getByTestId("scan-status");
const units = (page: Page) => page.getByTestId("unit");

test.describe("receiving station", () => {
  test("an announced parcel is received by scanner alone, labelled, and cannot be received twice", async ({ page, request }, testInfo) => {
    const order = await announce(request, [dunk, jordan]);
    await openStation(page, "/receive");
    await expect(page.getByTestId("no-parcel")).toBeVisible();
    await snap(page, testInfo, "receive-empty");

    const started = Date.now();
    await scan(page, order.trackingNumber);
    await expect(page.getByTestId("parcel-tracking")).toHaveText(order.trackingNumber);
    await expect(status(page)).toHaveClass(/scan-status--success/);
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(status(page)).toContainText(order.externalId);
    await expect(units(page)).toHaveCount(2);
    await expect(units(page).first()).toContainText("270");
    await expect(page.getByTestId("scan-log")).toContainText(order.trackingNumber);
    await snap(page, testInfo, "receive-parcel");

    // Confirm the first unit: it gets its item code and label buttons.
    await units(page).nth(0).getByTestId("confirm-unit").click();
    const code = (await units(page).nth(0).getByTestId("item-code").textContent())!.trim();
    expect(code).toMatch(itemCodePattern);
    await expect(page.getByTestId("receive-notice")).toContainText(code);
    await expect(units(page).nth(0)).toHaveAttribute("data-state", "received");

    // The label prints from the station page itself (hidden frame), as a real PDF; the ZPL is a file.
    const printAnswer = page.waitForResponse((r) => r.url().endsWith("/api/station/print") && r.request().method() === "POST");
    await units(page).nth(0).getByTestId("print-pdf").click();
    expect((await printAnswer).status()).toBe(200);
    const frame = page.getByTestId("print-frame");
    await expect(frame).toHaveAttribute("data-pdf-url", /\/api\/station\/print\/pdf\?kind=item_labels/);
    expect(page.url()).toMatch(/\/receive$/);
    const pdf = await page.request.get((await frame.getAttribute("data-pdf-url"))!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
    const itemId = (await units(page).nth(0).getAttribute("data-item-id"))!;
    const zpl = await page.request.get((await units(page).nth(0).getByTestId("print-zpl").getAttribute("href"))!);
    expect(zpl.headers()["content-disposition"]).toMatch(/attachment/);
    expect(await zpl.text()).toContain(`^FD${code}^FS`);
    // After a print, the button offers a reprint.
    await expect(units(page).nth(0).getByTestId("print-pdf")).toHaveText(/Reprint|재인쇄/);

    await units(page).nth(1).getByTestId("confirm-unit").click();
    await expect(units(page).nth(1).getByTestId("item-code")).toHaveText(itemCodePattern);
    await expect(page.getByTestId("order-counts")).toContainText(/2/);
    await snap(page, testInfo, "receive-units-confirmed");

    // The label of a received unit scanned here: told it is already received, nothing changes.
    await scan(page, code);
    await expect(status(page)).toHaveClass(/scan-status--warning/);
    await expect(status(page)).toContainText(code);

    // The same unit confirmed again from another station (fresh scan id): refused, naming its code.
    const parcelStatus = await page.getByTestId("parcel").getAttribute("data-status");
    expect(parcelStatus).toBe("received");
    const again = await page.request.post("/api/station/receiving/units/receive", {
      data: { scanId: `again-${itemId}`, parcelId: await parcelIdOf(page), itemId },
    });
    expect(again.status()).toBe(409);
    expect((await again.json()).error.message).toContain(code);

    // The same parcel scanned again: already scanned, shown again with its labelled units.
    await scan(page, order.trackingNumber);
    await expect(status(page)).toHaveClass(/scan-status--warning/);
    await expect(status(page)).toContainText(order.trackingNumber);
    await expect(units(page).getByTestId("item-code")).toHaveCount(2);
    await expect(units(page).getByTestId("confirm-unit")).toHaveCount(0);
    await snap(page, testInfo, "receive-parcel-again");

    await page.getByTestId("close-parcel").click();
    await expect(page.getByTestId("close-result")).toBeVisible();
    await expect(page.getByTestId("missing-units")).toHaveCount(0);
  });

  test("closing with units not confirmed asks first and lists them; after the close they no longer offer confirm in box", async ({ page, request }, testInfo) => {
    const order = await announce(request, [dunk, jordan, hoodie]);
    await openStation(page, "/receive");
    await scan(page, order.trackingNumber);
    await expect(units(page)).toHaveCount(3);
    await units(page).nth(1).getByTestId("confirm-unit").click();
    await expect(units(page).nth(1).getByTestId("item-code")).toHaveText(itemCodePattern);
    await page.getByTestId("close-parcel").click();
    const prompt = page.getByTestId("close-prompt");
    await expect(prompt.locator("li")).toHaveCount(2);
    await expect(prompt).toContainText(dunk.productName);
    await expect(prompt).toContainText(hoodie.productName);
    await expect(prompt).not.toContainText(jordan.productName);
    await expect(page.getByTestId("receive-notice")).toHaveAttribute("data-tone", "warning");
    await snap(page, testInfo, "receive-close-prompt");
    // Back to the box: nothing was closed or recorded.
    await prompt.getByTestId("close-cancel").click();
    await expect(prompt).toHaveCount(0);
    await expect(page.getByTestId("close-result")).toHaveCount(0);
    await expect(units(page).getByTestId("confirm-unit")).toHaveCount(2);

    // Asked again on a Korean screen (the catalogue's Korean name), then closed.
    await switchLocale(page, "ko");
    await page.getByTestId("close-parcel").click();
    await expect(prompt).toContainText("아직 확인하지 않은 상품 2개");
    await expect(prompt).toContainText("나이키 덩크 로우");
    await snap(page, testInfo, "receive-close-prompt-ko");
    await prompt.getByTestId("close-confirm").click();
    const missing = page.getByTestId("missing-units");
    await expect(missing.locator("li")).toHaveCount(2);
    await expect(units(page).getByTestId("confirm-unit")).toHaveCount(0);
    await expect(units(page).getByTestId("missing-at-close")).toHaveCount(2);
    await snap(page, testInfo, "receive-closed-missing-ko");
    await switchLocale(page, "en");
    await expect(units(page).getByTestId("missing-at-close").first()).toHaveText("Missing: recorded at close");
    // Scanned again later: still nothing to confirm for the missing units.
    await scan(page, order.trackingNumber);
    await expect(status(page)).toContainText(order.trackingNumber);
    await expect(units(page).getByTestId("missing-at-close")).toHaveCount(2);
    await expect(units(page).getByTestId("confirm-unit")).toHaveCount(0);
    await snap(page, testInfo, "receive-closed-missing");
  });

  test("scanning a new parcel while the current one has units to confirm warns and keeps the first one a tap away", async ({ page, request }, testInfo) => {
    const first = await announce(request, [dunk, jordan]);
    const second = await announce(request, [hoodie]);
    await openStation(page, "/receive");
    await scan(page, first.trackingNumber);
    await units(page).nth(0).getByTestId("confirm-unit").click();
    await expect(units(page).nth(0).getByTestId("item-code")).toHaveText(itemCodePattern);

    await scan(page, second.trackingNumber);
    await expect(page.getByTestId("parcel-tracking")).toHaveText(second.trackingNumber);
    await expect(status(page)).toHaveClass(/scan-status--warning/);
    await expect(status(page)).toContainText(`Parcel ${first.trackingNumber} still has 1 unit to confirm`);
    const kept = page.getByTestId("previous-parcel");
    await expect(kept).toContainText(`Parcel ${first.trackingNumber} still has 1 unit to confirm.`);
    await snap(page, testInfo, "receive-previous-parcel");
    await switchLocale(page, "ko");
    await expect(kept).toContainText(`택배 ${first.trackingNumber}에 확인할 상품이 1개 남아 있습니다.`);
    await snap(page, testInfo, "receive-previous-parcel-ko");
    await switchLocale(page, "en");

    // Back to the first: the second (its unit not confirmed either) is now the one kept.
    await kept.getByTestId("back-to-previous").click();
    await expect(page.getByTestId("parcel-tracking")).toHaveText(first.trackingNumber);
    await expect(kept).toContainText(second.trackingNumber);
    await units(page).nth(1).getByTestId("confirm-unit").click();
    await expect(units(page).nth(1).getByTestId("item-code")).toHaveText(itemCodePattern);
    // The first parcel is complete: leaving it warns of nothing.
    await scan(page, second.trackingNumber);
    await expect(page.getByTestId("parcel-tracking")).toHaveText(second.trackingNumber);
    await expect(kept).toHaveCount(0);
    await expect(status(page)).not.toContainText(first.trackingNumber);
  });

  test("two stations race for a unit: the station that lost sees its card refreshed to what happened, in its language", async ({ page, request }, testInfo) => {
    const order = await announce(request, [dunk, jordan]);
    await openStation(page, "/receive");
    await scan(page, order.trackingNumber);
    await expect(units(page).getByTestId("confirm-unit")).toHaveCount(2);
    const parcelId = await parcelIdOf(page);
    /** Another station confirms the unit first (its own scan id and station name). */
    const otherStationReceives = async (index: number) => {
      const itemId = await units(page).nth(index).getAttribute("data-item-id");
      const won = await page.request.post("/api/station/receiving/units/receive", {
        headers: { "x-legit-station": "RCV-OTHER" },
        data: { scanId: `other-${itemId}`, parcelId, itemId },
      });
      expect(won.status(), await won.text()).toBe(200);
      return (await won.json()).unit.code as string;
    };

    const first = await otherStationReceives(0);
    await units(page).nth(0).getByTestId("confirm-unit").click();
    const notice = page.getByTestId("receive-notice");
    await expect(notice).toHaveText(`Another station received this unit first, as ${first}. Nothing was recorded here; the card now shows it.`);
    await expect(units(page).nth(0).getByTestId("item-code")).toHaveText(first);
    await expect(units(page).nth(0).getByTestId("confirm-unit")).toHaveCount(0);
    await expect(page.getByTestId("order-counts")).toContainText("1 of 2 received");
    await snap(page, testInfo, "receive-race-lost");

    await switchLocale(page, "ko");
    const second = await otherStationReceives(1);
    await units(page).nth(1).getByTestId("confirm-unit").click();
    await expect(notice).toContainText(`다른 스테이션이 이 상품을 먼저 ${second}(으)로 입고했습니다`);
    await expect(units(page).nth(1).getByTestId("item-code")).toHaveText(second);
    await expect(units(page).getByTestId("confirm-unit")).toHaveCount(0);
    await snap(page, testInfo, "receive-race-lost-ko");
    await switchLocale(page, "en");
  });

  test("an extra unit in the box is recorded, labelled and returned by a manager", async ({ page, browser, request }, testInfo) => {
    const order = await announce(request, [dunk]);
    await openStation(page, "/receive");
    await scan(page, order.trackingNumber);
    await units(page).first().getByTestId("confirm-unit").click();
    await expect(units(page).first().getByTestId("item-code")).toHaveText(itemCodePattern);

    await page.getByTestId("open-unexpected").click();
    const form = page.getByTestId("unexpected-form");
    await form.locator('input[name="productName"]').fill("Adidas Samba OG");
    await form.locator('input[name="size"]').fill("260");
    await form.locator('textarea[name="note"]').fill("Second pair in the box, not in the order");
    await snap(page, testInfo, "receive-unexpected-form");
    await form.locator('button[type="submit"]').click();
    await expect(form).toHaveCount(0);
    const extra = units(page).filter({ hasText: "Adidas Samba OG" });
    await expect(extra.getByTestId("item-code")).toHaveText(itemCodePattern);
    await expect(extra.getByTestId("flagged-for-return")).toBeVisible();
    const extraCode = (await extra.getByTestId("item-code").textContent())!.trim();
    await snap(page, testInfo, "receive-unexpected-recorded");

    const manager = await browser.newPage();
    await signInWithPassword(manager, demo.managerSeoul);
    await manager.goto("/receive/unexpected");
    const row = manager.locator(`[data-testid="unexpected-row"][data-code="${extraCode}"]`);
    await expect(row).toBeVisible();
    // The order's seller was announced without an address: the manager gives it with the return.
    await switchLocale(manager, "en");
    await expect(row.getByTestId("return-no-address")).toContainText("E2E Seller");
    await row.locator('input[name="note"]').fill("Not sold; back to the seller");
    await expect(row.getByRole("button", { name: "Return to seller" })).toBeDisabled();
    await switchLocale(manager, "ko");
    await expect(row.getByTestId("return-no-address")).toContainText("반송 주소가 등록되어 있지 않습니다");
    await snap(manager, testInfo, "manager-unexpected-address-ko");
    await switchLocale(manager, "en");
    await row.locator('input[name="address"]').fill("12 Teheran-ro, Gangnam-gu, Seoul");
    await snap(manager, testInfo, "manager-unexpected");
    await row.getByRole("button", { name: "Return to seller" }).click();
    await expect(manager.locator(`[data-testid="unexpected-row"][data-code="${extraCode}"]`)).toHaveCount(0);
    // Kept on the order: the marketplace reads it back.
    const view = await request.get(`/api/v1/inbound-orders/${order.externalId}`, { headers: { authorization: `Bearer ${seoulApiToken}` } });
    expect(((await view.json()) as { order: { seller: { address?: string } } }).order.seller.address).toBe("12 Teheran-ro, Gangnam-gu, Seoul");
    await manager.close();
  });

  test("a cancelled order's unit that still arrives is received and flagged for return", async ({ page, request }, testInfo) => {
    const order = await announce(request, [jordan]);
    const cancel = await request.post(`/api/v1/inbound-orders/${order.externalId}/cancel`, {
      headers: { authorization: `Bearer ${seoulApiToken}` },
      data: { reason: "buyer cancelled" },
    });
    expect(cancel.ok(), await cancel.text()).toBe(true);

    await openStation(page, "/receive");
    await scan(page, order.trackingNumber);
    await expect(units(page)).toHaveCount(1);
    await expect(status(page)).toHaveClass(/scan-status--warning/);
    await expect(units(page).first()).toHaveAttribute("data-state", "cancelled");
    // Amber, never the success green, with the same instruction in the answer and on the order.
    const instruction = "Confirm each unit that is in the box, label it and put it with returns for the seller.";
    await expect(status(page)).toContainText(instruction);
    await expect(page.getByTestId("cancelled-order")).toContainText("confirm each unit that is in the box, label it and put it with returns for the seller.");
    const badge = page.getByTestId("parcel-status");
    await expect(badge).toHaveText("Cancelled order: return");
    await expect(badge).toHaveAttribute("data-tone", "warning");
    const background = (testId: string) => page.getByTestId(testId).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background("parcel-status")).toBe(await background("cancelled-order"));
    await snap(page, testInfo, "receive-cancelled-order");
    await switchLocale(page, "ko");
    await expect(badge).toHaveText("취소된 주문: 반송");
    await expect(page.getByTestId("cancelled-order")).toContainText("판매자 반송 구역에 두세요");
    await snap(page, testInfo, "receive-cancelled-order-ko");
    await switchLocale(page, "en");
    await units(page).first().getByTestId("confirm-unit").click();
    await expect(units(page).first().getByTestId("item-code")).toHaveText(itemCodePattern);
    await expect(units(page).first().getByTestId("flagged-for-return")).toBeVisible();
    await expect(units(page).first()).toHaveAttribute("data-state", "awaiting_pack");
    await expect(page.getByTestId("receive-notice")).toHaveClass(/alert--warn/);
    await snap(page, testInfo, "receive-cancelled-flagged");
  });

  test("a parcel with no order goes to the manager's unmatched queue and is linked to its order there", async ({ page, browser, request }, testInfo) => {
    const order = await announce(request, [hoodie], { tracking: false });
    const tracking = unique("LOST");
    await openStation(page, "/receive");
    await scan(page, tracking);
    await expect(status(page)).toHaveClass(/scan-status--warning/);
    // Nothing is recorded for a number no order expects until the operator says it is a parcel.
    await expect(page.getByTestId("parcel")).toHaveCount(0);
    await snap(page, testInfo, "receive-unknown-ask");
    await page.getByTestId("unknown-parcel").getByRole("button", { name: /Open unmatched|미매칭 택배로 등록/ }).click();
    await expect(page.getByTestId("parcel")).toHaveAttribute("data-status", "unmatched");
    const panel = page.getByTestId("unmatched-panel");
    await panel.locator('textarea[name="note"]').fill("Brown box, sender 'Park', one hoodie inside");
    await panel.getByRole("button", { name: /unmatched queue|미확인 택배 목록/ }).click();
    await expect(page.getByTestId("receive-notice")).toHaveClass(/alert--ok/);

    // A photo of the parcel from the camera input: resized in the browser, uploaded, shown as a thumbnail.
    await expect(panel.getByText(/Take photo|사진 찍기/)).toBeVisible();
    await expect(panel.getByTestId("parcel-photo-input")).toHaveAttribute("capture", "environment");
    await panel.getByTestId("parcel-photo-input").setInputFiles({ name: "parcel.png", mimeType: "image/png", buffer: makePng() });
    await expect(page.getByTestId("receive-notice")).toHaveClass(/alert--ok/);
    await expect(page.getByTestId("receive-notice")).toContainText(/Photo saved|사진을 저장/);
    const thumb = panel.getByTestId("parcel-photo-thumb");
    await expect.poll(() => thumb.evaluate(decoded)).toBe(true);
    await snap(page, testInfo, "receive-unmatched");

    const manager = await browser.newPage();
    await signInWithPassword(manager, demo.managerSeoul);
    await manager.goto("/receive/unmatched");
    const row = manager.locator(`[data-testid="unmatched-row"][data-tracking="${tracking}"]`);
    await expect(row).toContainText("Brown box");
    // The manager sees the parcel's photo beside the note; it is served by the photo route as an image.
    const photo = row.getByTestId("unmatched-photo");
    await expect.poll(() => photo.evaluate(decoded)).toBe(true);
    const photoResponse = await manager.request.get((await photo.getAttribute("src"))!);
    expect(photoResponse.status()).toBe(200);
    expect(photoResponse.headers()["content-type"]).toMatch(/^image\/(jpeg|png|webp)$/);
    expect((await photoResponse.body()).length).toBeGreaterThan(100);
    await snap(manager, testInfo, "manager-unmatched");
    await photo.click();
    const large = manager.getByTestId("unmatched-photo-large");
    await expect(large).toBeVisible();
    await expect.poll(() => large.locator("img").evaluate(decoded)).toBe(true);
    await snap(manager, testInfo, "manager-unmatched-photo");
    await manager.keyboard.press("Escape");
    await expect(large).toBeHidden();
    // Another center's manager and an inspector of this center may not see it.
    const photoSrc = (await photo.getAttribute("src"))!;
    const tokyo = await browser.newPage();
    await signInWithPassword(tokyo, "manager.tokyo@legit.demo");
    expect((await tokyo.request.get(photoSrc)).status()).toBe(404);
    await tokyo.close();
    const inspector = await browser.newPage();
    await loginWithBadge(inspector, demo.inspectorBadge);
    await expect(inspector.getByTestId("header-user")).toBeVisible();
    expect((await inspector.request.get(photoSrc)).status()).toBe(403);
    await inspector.close();
    await row.locator('input[name="orderExternalId"]').fill(order.externalId);
    await row.locator('input[name="resolution"]').fill("Seller confirmed by phone");
    await row.getByRole("button", { name: /Link to order|주문에 연결/ }).click();
    await expect(manager.locator(`[data-testid="unmatched-row"][data-tracking="${tracking}"]`)).toHaveCount(0);
    await manager.close();

    // Scanned again at the station, the parcel now shows its order and can be received.
    await scan(page, tracking);
    await expect(page.getByTestId("parcel")).toHaveAttribute("data-status", "received");
    await expect(page.getByTestId("order")).toHaveAttribute("data-order", order.externalId);
    await units(page).first().getByTestId("confirm-unit").click();
    await expect(units(page).first().getByTestId("item-code")).toHaveText(itemCodePattern);
  });

  test("a manager returns an unmatched parcel to its sender; the station then refuses its units", async ({ page, browser }) => {
    const tracking = unique("STRAY");
    await openStation(page, "/receive");
    await scan(page, tracking);
    await page.getByTestId("unknown-parcel").getByRole("button", { name: /Open unmatched|미매칭 택배로 등록/ }).click();
    const panel = page.getByTestId("unmatched-panel");
    await panel.locator('textarea[name="note"]').fill("No order, no sender details");
    await panel.getByRole("button", { name: /unmatched queue|미확인 택배 목록/ }).click();
    await expect(page.getByTestId("receive-notice")).toHaveClass(/alert--ok/);

    const manager = await browser.newPage();
    await signInWithPassword(manager, demo.managerSeoul);
    await manager.goto("/receive/unmatched");
    const row = manager.locator(`[data-testid="unmatched-row"][data-tracking="${tracking}"]`);
    await row.locator('input[name="resolution"]').fill("Refused: back to the carrier");
    await row.getByRole("button", { name: /Return to sender|발송인에게 반송/ }).click();
    await expect(manager.locator(`[data-testid="unmatched-row"][data-tracking="${tracking}"]`)).toHaveCount(0);
    await manager.close();

    await scan(page, tracking);
    await expect(page.getByTestId("parcel")).toHaveAttribute("data-status", "resolved");
    await expect(page.getByTestId("unmatched-panel")).toHaveCount(0);
    await expect(page.getByTestId("open-unexpected")).toHaveCount(0);
  });

  test("a parcel without a tracking number is matched by searching its order", async ({ page, request }, testInfo) => {
    const order = await announce(request, [dunk], { tracking: false });
    await openStation(page, "/receive");
    await page.getByRole("button", { name: /without tracking number|송장번호가 없는/ }).click();
    const search = page.getByTestId("order-search");
    await search.locator('input[name="query"]').fill(order.externalId);
    await search.locator('button[type="submit"]').click();
    await expect(page.getByTestId("search-result")).toHaveCount(1);
    await snap(page, testInfo, "receive-search");
    await page.getByTestId("search-result").getByRole("button").click();
    await expect(page.getByTestId("parcel-tracking")).toHaveText(/^NOLABEL/);
    await units(page).first().getByTestId("confirm-unit").click();
    await expect(units(page).first().getByTestId("item-code")).toHaveText(itemCodePattern);
  });
});

/** The id of the parcel the station shows. */
async function parcelIdOf(page: Page): Promise<string> {
  const id = await page.getByTestId("parcel").getAttribute("data-parcel-id");
  if (!id) throw new Error("no parcel id on the page");
  return id;
}
