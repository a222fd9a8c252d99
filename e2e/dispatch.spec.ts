import { randomUUID } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { demo, loginWithBadge, openStation, scan, scannerReady, signInWithPassword, snap } from "./helpers";
import { announceTrade, dunk, seoulApiToken, unique as uniqueId } from "./announce";

/*
 * Dispatch journeys. The tablet ones work on the demo data's waiting items in order (pick one, pack
 * it, hand it over), so they run serially and only at tablet size; a return is set up through the
 * public API; the quarantine decision runs at desktop size on the demo's quarantined item.
 */

const status = (page: Page) => page.getByTestId("scan-status");
const unique = (prefix: string) => uniqueId(prefix, 4);

async function setLocale(context: BrowserContext, locale: "ko" | "en", baseURL: string) {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
}

test.describe("dispatch at the tablet", () => {
  test.describe.configure({ mode: "serial" });
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "tablet", "tablet journeys; state is shared along the chain"));

  let picked = "";
  let tracking = "";

  test("pick by scanning: item before its bin and a wrong bin refused, a tote, then bin and item", async ({ page, context, baseURL }, testInfo) => {
    await setLocale(context, "ko", baseURL!);
    await openStation(page, "/pick");
    await snap(page, testInfo, "pick-queue-ko");
    await page.getByTestId("pick-claim").first().click();
    const next = page.getByTestId("pick-next");
    await expect(next).toBeVisible();
    const [bin, item] = await Promise.all([
      next.locator("p").first().textContent(),
      next.locator("strong").first().textContent(),
    ]);
    picked = item!.trim();
    await scan(page, picked);
    await expect(status(page)).toHaveClass(/scan-status--error/);
    await scan(page, "BIN-Z-99-99-9");
    await expect(status(page)).toHaveClass(/scan-status--error/);
    await scan(page, "TOTE-0007");
    await expect(page.getByTestId("pick-tote")).toContainText("TOTE-0007");
    await scan(page, bin!.trim());
    await expect(status(page)).toHaveClass(/scan-status--success/);
    await scan(page, picked);
    await expect(status(page)).toHaveClass(/scan-status--success/);
    await expect(page.locator(`[data-testid="pick-line"][data-status="picked"]`).filter({ hasText: picked })).toHaveCount(1);
    await snap(page, testInfo, "pick-list-ko");
  });

  test("pack with label: where it goes, a number from the carrier's range, label and slip print", async ({ page, context, baseURL }, testInfo) => {
    await setLocale(context, "en", baseURL!);
    await openStation(page, "/pack");
    await scan(page, picked);
    await expect(page.getByTestId("pack-shipment")).toHaveAttribute("data-destination", "buyer");
    await page.getByTestId("carrier-CJ").click();
    await snap(page, testInfo, "pack-item-en");
    await page.getByTestId("pack-submit").click();
    await expect(page.getByTestId("pack-tracking")).toHaveText(/^6890\d{8}$/);
    tracking = (await page.getByTestId("pack-tracking").textContent())!.trim();
    await page.getByTestId("print-label").click();
    const frame = page.getByTestId("print-frame");
    await expect(frame).toHaveAttribute("data-pdf-url", /shipping_label/, { timeout: 30_000 });
    const pdf = await page.request.get((await frame.getAttribute("data-pdf-url"))!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const zpl = await page.request.get((await page.getByTestId("label-zpl").getAttribute("href"))!);
    expect(await zpl.text()).toContain(tracking);
    await page.getByTestId("print-slip").click();
    await expect(frame).toHaveAttribute("data-pdf-url", /packing_slip/, { timeout: 30_000 });
    await snap(page, testInfo, "pack-done-en");
    // Packing it again is refused.
    await scan(page, picked);
    await expect(status(page)).toHaveClass(/scan-status--error/);
  });

  test("manifest close: the parcel goes on a CJ manifest, closing hands it over", async ({ page }, testInfo) => {
    await openStation(page, "/handover");
    await page.getByTestId("open-CJ").click();
    await expect(page.getByTestId("manifest-active")).toHaveAttribute("data-status", "open");
    await scan(page, tracking);
    await expect(status(page)).toHaveClass(/scan-status--success/);
    await expect(page.getByTestId("manifest-parcel")).toHaveCount(1);
    await scan(page, tracking);
    await expect(status(page)).toHaveClass(/scan-status--error/);
    await snap(page, testInfo, "handover-manifest");
    await page.getByTestId("manifest-close").click();
    await page.getByTestId("manifest-close-confirm").click();
    await expect(page.getByTestId("manifest-active")).toHaveAttribute("data-status", "closed");
    await expect(status(page)).toContainText(/1/);
  });

  test("a return to the seller: a cancelled order's unit is packed with a return slip", async ({ page, request }, testInfo) => {
    const externalId = unique("E2E-RET-");
    const inbound = unique("CJRET");
    await announceTrade(request, { externalId, trackingNumber: inbound, seller: { name: "반송 판매자", address: "서울특별시 마포구 월드컵로 1" } });
    expect((await request.post(`/api/v1/inbound-orders/${externalId}/cancel`, { headers: { authorization: `Bearer ${seoulApiToken}` }, data: { reason: "buyer cancelled" } })).ok()).toBe(true);
    await openStation(page, "/receive");
    await scan(page, inbound);
    await page.getByTestId("unit").first().getByTestId("confirm-unit").click();
    const code = (await page.getByTestId("unit").first().getByTestId("item-code").textContent())!.trim();

    await page.goto("/pack");
    await scannerReady(page);
    await scan(page, code);
    await expect(page.getByTestId("pack-shipment")).toHaveAttribute("data-destination", "seller");
    await expect(page.getByTestId("pack-recipient")).toHaveText("반송 판매자");
    await page.getByTestId("carrier-HANJIN").click();
    await expect(page.getByTestId("pack-submit")).toBeDisabled();
    const outbound = unique("HJ");
    await scan(page, outbound);
    await expect(page.getByTestId("pack-tracking-input")).toHaveValue(outbound);
    await page.getByTestId("pack-submit").click();
    await expect(page.getByTestId("pack-tracking")).toHaveText(outbound);
    await page.getByTestId("print-slip").click();
    await expect(page.getByTestId("print-frame")).toHaveAttribute("data-pdf-url", /packing_slip/, { timeout: 30_000 });
    await snap(page, testInfo, "pack-return");
  });

  test("a failed item's return: packing shows the inspection result sheet in Korean (verdict, reasons, photos)", async ({ page, context, baseURL }, testInfo) => {
    const externalId = unique("E2E-FAIL-");
    const inbound = unique("CJFAIL");
    await announceTrade(context.request, {
      externalId,
      trackingNumber: inbound,
      seller: { name: "불합격 판매자", address: "서울특별시 성동구 왕십리로 83" },
      buyer: { id: "B-2", name: "E2E Buyer", address: "2 Test-ro, Seoul" },
      items: [{ ...dunk, size: "275", price: 129000 }],
    });
    // Received at the operator's station, failed as used by an inspector with a photo: over the stations' routes.
    await openStation(page, "/receive");
    const parcel = await (await page.request.post("/api/station/receiving/scan", { data: { scanId: randomUUID(), code: inbound } })).json();
    const received = await page.request.post("/api/station/receiving/units/receive", { data: { scanId: randomUUID(), parcelId: parcel.parcel.id, itemId: parcel.orders[0].units[0].itemId } });
    expect(received.ok(), await received.text()).toBeTruthy();
    const code: string = (await received.json()).unit.code;
    await context.clearCookies();
    await loginWithBadge(page, demo.inspectorBadge);
    await expect(page.getByTestId("header-user")).toBeVisible();
    const claim = await page.request.post("/api/station/inspection/claim", { data: { scanId: randomUUID(), itemCode: code } });
    expect(claim.ok(), await claim.text()).toBeTruthy();
    const { inspectionId } = await claim.json();
    const view = await (await page.request.get(`/api/station/inspection/inspections/${inspectionId}`)).json();
    const results = view.checklist.points.map((p: { key: string }) => ({ key: p.key, ok: true }));
    expect((await page.request.post("/api/station/inspection/results", { data: { scanId: randomUUID(), inspectionId, results } })).ok()).toBeTruthy();
    const photo = await page.request.post("/api/station/inspection/photos", {
      headers: { "x-legit-scan-id": randomUUID() },
      multipart: { inspectionId, photo: { name: "sole.png", mimeType: "image/png", buffer: tinyPng() } },
    });
    expect(photo.ok(), await photo.text()).toBeTruthy();
    const verdict = await page.request.post("/api/station/inspection/verdict", { data: { scanId: randomUUID(), inspectionId, verdict: "fail_used", reasonCodes: ["USED_SOLE"] } });
    expect(verdict.ok(), await verdict.text()).toBeTruthy();

    await context.clearCookies();
    await setLocale(context, "ko", baseURL!);
    await openStation(page, "/pack");
    await scan(page, code);
    // A return is answered in the warning colour: it goes back, not to a buyer.
    await expect(status(page)).toHaveClass(/scan-status--warning/);
    await expect(page.getByTestId("pack-shipment")).toHaveAttribute("data-destination", "seller");
    await expect(page.getByTestId("pack-recipient")).toHaveText("불합격 판매자");
    await expect(page.getByTestId("pack-verdict")).toHaveText("중고");
    await expect(page.getByTestId("pack-sheet")).toContainText("아웃솔 마모·오염");
    await expect(page.getByTestId("pack-photos")).toHaveText("기록된 사진 1장");
    await snap(page, testInfo, "pack-return-sheet-ko");
  });
});

test("a manager decides a quarantined counterfeit's fate with a reason and a photo", async ({ page, context, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "a desk decision");
  await signInWithPassword(page, demo.managerSeoul);
  await setLocale(context, "ko", baseURL!);
  await page.goto("/quarantine");
  const row = page.getByTestId("quarantine-row").filter({ hasText: /Quarantined|격리/ }).first();
  await expect(row).toBeVisible();
  const code = await row.getAttribute("data-code");
  await snap(page, testInfo, "quarantine-list-ko");
  await row.getByTestId("quarantine-decide").click();
  await row.getByTestId("decision-hand_to_authorities").check();
  await row.getByTestId("quarantine-handed-to").fill("Gangnam police, case 2291");
  await row.getByTestId("quarantine-reason").fill("Seized as evidence of counterfeit trade");
  await row.getByTestId("quarantine-photo").setInputFiles({ name: "item.png", mimeType: "image/png", buffer: tinyPng() });
  await snap(page, testInfo, "quarantine-decision");
  await row.getByTestId("quarantine-submit").click();
  await expect(page.getByTestId("scan-status")).toContainText(code!);
  await expect(page.locator(`[data-testid="quarantine-row"][data-code="${code}"]`)).toHaveCount(0);
  await setLocale(context, "en", baseURL!);
  await page.reload();
  await expect(page.locator("h1")).toHaveText("Quarantine");
  await expect(page.getByTestId("quarantine-table").or(page.getByText("Nothing in quarantine"))).toBeVisible();
  await snap(page, testInfo, "quarantine-en");
});

/** A 1 × 1 PNG. */
function tinyPng(): Buffer {
  return Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
}
