import { englishDevice } from "./english-device";
import { expect, test, type Page } from "@playwright/test";
import { pdfPageTexts } from "../tests/helpers/pdf-text";
import { startTestPrinter } from "../tests/helpers/test-printer";
import { demo, loginWithBadge, scan, scannerReady, signInWithPassword, snap } from "./helpers";

/*
 * A Korean-only product's label, printed from the receiving station: first as a PDF through the
 * browser (its extracted text has the Korean name), then, once a manager gives the station a
 * network printer, as ZPL over TCP to a local test printer; a printer that does not answer is
 * reported and the retry prints. Tablet only: the journey is about the station.
 */

const apiToken = "lgt_demo_seoul_0000000000000000000000";
const koreanName = "무신사 스탠다드 캐시미어 코트";
const unique = (prefix: string) => `${prefix}${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;

async function setLocale(page: Page, locale: "ko" | "en") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url().startsWith("http") ? page.url() : "http://127.0.0.1" }]);
}

test("a Korean-only product's label prints in Korean: PDF in the page, then ZPL to the station's network printer, with retry", async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== "tablet", "station journey: tablet only");
  const station = unique("E2E-PRN-");
  const trackingNumber = unique("CJ");
  const announced = await page.request.post("/api/v1/inbound-orders", {
    headers: { authorization: `Bearer ${apiToken}` },
    data: {
      externalId: unique("E2E-PRN-"),
      type: "storage",
      centerCode: "SEL",
      seller: { id: unique("S-"), name: "E2E Seller" },
      items: [{ sku: unique("E2E-KR-"), productName: koreanName, category: "apparel", size: "M", price: 259000 }],
      trackingNumber,
    },
  });
  expect(announced.status(), await announced.text()).toBe(201);

  await page.addInitScript((id) => window.localStorage.setItem("legit-station", id), station);
  await loginWithBadge(page, demo.operatorBadge);
  await expect(page.getByTestId("header-user")).toBeVisible();
  await setLocale(page, "ko");
  await page.goto("/receive");
  await scannerReady(page);
  await page.locator("h1").first().click();
  await scan(page, trackingNumber);
  const unit = page.getByTestId("unit").first();
  await expect(unit).toContainText(koreanName);
  await unit.getByTestId("confirm-unit").click();
  await expect(unit).toHaveAttribute("data-state", "received");

  // 1. No network printer: the PDF prints from a hidden frame on this page; its text has the name.
  await unit.getByTestId("print-pdf").click();
  const frame = page.getByTestId("print-frame");
  await expect(frame).toHaveAttribute("data-pdf-url", /kind=item_labels/);
  expect(page.url()).toMatch(/\/receive$/);
  const pdf = await page.request.get((await frame.getAttribute("data-pdf-url"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const [text] = await pdfPageTexts(await pdf.body());
  expect(text).toContain(koreanName);
  expect(text).toMatch(/IT[0-9A-Z]{11}/);

  // 2. A manager gives this station a network printer (here: a local TCP listener).
  const printer = await startTestPrinter();
  const managerContext = await browser.newContext({ storageState: englishDevice, viewport: { width: 1024, height: 768 } });
  const manager = await managerContext.newPage();
  await signInWithPassword(manager, demo.managerSeoul);
  await manager.goto("/desk/printers");
  const form = manager.getByTestId("printer-form");
  await form.locator('input[name="station"]').fill(station);
  await form.locator('input[name="host"]').fill("127.0.0.1");
  await form.locator('input[name="port"]').fill(String(printer.port));
  await form.getByRole("button").click();
  await expect(manager.locator(`tr[data-station="${station}"]`)).toContainText(`127.0.0.1:${printer.port}`);
  await snap(manager, testInfo, "printers-settings");
  await managerContext.close();

  await unit.getByTestId("print-pdf").click();
  await expect(unit.getByTestId("print-sent")).toContainText(`127.0.0.1:${printer.port}`);
  expect(printer.jobs).toHaveLength(1);
  const job = printer.jobs[0];
  // The font goes first (once), then the label: UTF-8, the Korean name in the stored TrueType font.
  expect(job.subarray(0, 16).toString("latin1")).toBe("~DYE:LEGITKR,B,T");
  const zpl = job.subarray(job.lastIndexOf(Buffer.from("^XA"))).toString("utf8");
  expect(zpl).toContain("^CI28");
  expect(zpl).toContain(`^A@N,28,28,E:LEGITKR.TTF`);
  expect(zpl).toContain(`^FH^FD${koreanName}^FS`);

  // 3. The printer stops answering: the station says so (in Korean) and the retry prints once.
  const port = printer.port;
  await printer.close();
  await unit.getByTestId("print-pdf").click();
  await expect(unit.getByTestId("print-error")).toContainText("라벨 프린터가 응답하지 않습니다");
  await snap(page, testInfo, "label-printer-unreachable-ko");
  const back = await startTestPrinter(port);
  await unit.getByTestId("print-retry").click();
  await expect(unit.getByTestId("print-sent")).toBeVisible();
  await expect(unit.getByTestId("print-error")).toHaveCount(0);
  expect(back.jobs).toHaveLength(1);
  expect(back.jobs[0].subarray(0, 3).toString()).toBe("^XA");
  await back.close();

  await setLocale(page, "en");
  await page.reload();
  await scannerReady(page);
  await page.locator("h1").first().click();
  await scan(page, trackingNumber);
  await expect(unit.getByTestId("print-pdf")).toHaveText(/Reprint/);
  await snap(page, testInfo, "receive-station-en");
});
