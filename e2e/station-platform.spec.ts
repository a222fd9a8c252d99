import { englishDevice } from "./english-device";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { itemCodeCheckChar } from "../lib/scan-codes/item-code";
import { demo, loginWithBadge, openStation, scan, scannerReady, signInWithPassword, snap, switchLocale, typeLikeScanner } from "./helpers";
import { announceTrade, seoulApiToken, unique } from "./announce";

/*
 * The shared station platform at tablet size: retries that land once, scans that are never lost
 * (typed into a memo, sent as Hangul, from a slow scanner), and refusals in the user's language.
 */


const announce = (request: APIRequestContext) => announceTrade(request, { externalId: unique("E2E-PLT-"), trackingNumber: unique("CJ") });

const status = (page: Page) => page.getByTestId("scan-status");

/** 두벌식: the jamo the Korean input method reports for each Latin key (Shift for the doubled ones). */
const jamo: Record<string, string> = {
  Q: "ㅂ", W: "ㅈ", E: "ㄷ", R: "ㄱ", T: "ㅅ", Y: "ㅛ", U: "ㅕ", I: "ㅑ", O: "ㅐ", P: "ㅔ",
  A: "ㅁ", S: "ㄴ", D: "ㅇ", F: "ㄹ", G: "ㅎ", H: "ㅗ", J: "ㅓ", K: "ㅏ", L: "ㅣ",
  Z: "ㅋ", X: "ㅌ", C: "ㅊ", V: "ㅍ", B: "ㅠ", N: "ㅜ", M: "ㅡ",
};
const shifted: Record<string, string> = { Q: "ㅃ", W: "ㅉ", E: "ㄸ", R: "ㄲ", T: "ㅆ", O: "ㅒ", P: "ㅖ" };

/** A scanner burst as a Korean station sees it: Hangul `key` values, physical `code`s, then Enter. */
async function scanHangul(page: Page, code: string) {
  const keys = [...code].map((ch) => {
    const upper = /[A-Z]/.test(ch);
    return {
      key: upper ? (shifted[ch] ?? jamo[ch]) : ch,
      code: upper ? `Key${ch}` : /\d/.test(ch) ? `Digit${ch}` : ch === "-" ? "Minus" : "",
      shiftKey: upper,
    };
  });
  await page.evaluate((events) => {
    const target = document.activeElement ?? document.body;
    for (const e of events) {
      target.dispatchEvent(new KeyboardEvent("keydown", { ...e, bubbles: true, cancelable: true, composed: true }));
      target.dispatchEvent(new KeyboardEvent("keyup", { ...e, bubbles: true, cancelable: true, composed: true }));
    }
    target.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", code: "Enter", bubbles: true, cancelable: true }));
  }, keys);
}

/** A slow (Bluetooth) scanner: each key `gapMs` after the last, then Enter. */
async function slowScan(page: Page, code: string, gapMs: number) {
  await page.evaluate(
    async ({ text, gap }) => {
      const target = document.activeElement ?? document.body;
      const fire = (key: string, keyCode: string, shiftKey: boolean) =>
        target.dispatchEvent(new KeyboardEvent("keydown", { key, code: keyCode, shiftKey, bubbles: true, cancelable: true }));
      for (const ch of text) {
        const upper = /[A-Z]/.test(ch);
        fire(ch, /[A-Za-z]/.test(ch) ? `Key${ch.toUpperCase()}` : /\d/.test(ch) ? `Digit${ch}` : "Minus", upper);
        await new Promise((resolve) => setTimeout(resolve, gap));
      }
      fire("Enter", "Enter", false);
    },
    { text: code, gap: gapMs },
  );
}

test("an answer lost on the first try: the retry carries the same scan id and the unit is received once", async ({ page, request }) => {
  const order = await announce(request);
  await openStation(page, "/receive");
  await scan(page, order.trackingNumber);
  await expect(page.getByTestId("unit")).toHaveCount(1);

  const seen: string[] = [];
  let lost = false;
  await page.route("**/api/station/receiving/units/receive", async (route) => {
    seen.push((route.request().postDataJSON() as { scanId: string }).scanId);
    if (!lost) {
      lost = true;
      await route.fetch(); // the server does the work…
      await route.abort("connectionreset"); // …and the answer never arrives
      return;
    }
    await route.continue();
  });
  await page.getByTestId("confirm-unit").click();
  await expect(page.getByTestId("unit").first().getByTestId("item-code")).toHaveText(/^IT[0-9A-Z]{11}$/);
  expect(seen.length).toBe(2);
  expect(new Set(seen).size).toBe(1);

  const answer = await request.get(`/api/v1/inbound-orders/${order.externalId}`, { headers: { authorization: `Bearer ${seoulApiToken}` } });
  const body = (await answer.json()) as { order: { items: { state: string; code: string | null }[] } };
  expect(body.order.items).toHaveLength(1);
  expect(body.order.items[0].state).toBe("received");
});

test("a scan into a focused memo is taken as a scan and kept out of the memo", async ({ page, request }, testInfo) => {
  const order = await announce(request);
  // Real key presses through the browser (they type into the memo); the automation protocol is
  // slower per key than a scanner on a busy machine, so the station allows 100 ms a key here.
  await page.addInitScript(() => window.localStorage.setItem("legit-scanner", JSON.stringify({ gapMs: 100 })));
  await openStation(page, "/receive");
  await scan(page, order.trackingNumber);
  await page.getByTestId("open-unexpected").click();
  const memo = page.getByTestId("unexpected-form").locator('textarea[name="note"]');
  await memo.fill("Second pair in the box");
  await memo.focus();
  await typeLikeScanner(page, order.trackingNumber);
  await expect(status(page)).toContainText(order.trackingNumber);
  await expect(memo).toHaveValue("Second pair in the box");
  await snap(page, testInfo, "scan-into-memo");
});

test("Hangul key values with physical codes are read right at every station", async ({ browser, request }, testInfo) => {
  const order = await announce(request);
  const context = await browser.newContext({ storageState: englishDevice, baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await openStation(page, "/receive");
  await scanHangul(page, order.trackingNumber);
  await expect(status(page)).toContainText(order.trackingNumber);
  await expect(page.getByTestId("parcel-tracking")).toHaveText(order.trackingNumber);
  await context.clearCookies();

  // The inspection queue, the second look and the desk answer the same burst with the Latin code.
  // The inspection queue answers in its scan panel (the toast stays away while the panel is on
  // screen); the second look has no panel, so the toast answers there.
  for (const [login, path, answer] of [
    [demo.inspectorBadge, "/inspect", "scan-status"],
    [demo.seniorBadge, "/review", "scan-toast"],
  ] as const) {
    await loginWithBadge(page, login);
    await expect(page.getByTestId("header-user")).toBeVisible();
    await page.goto(path);
    await scannerReady(page);
    await page.locator("h1").first().click();
    await scanHangul(page, "BIN-A-03-02-1");
    await expect(page.getByTestId(answer)).toContainText("BIN-A-03-02-1");
    if (answer === "scan-status") await expect(page.getByTestId("scan-toast")).toHaveCount(0);
    await context.clearCookies();
  }
  await signInWithPassword(page, demo.managerSeoul);
  await switchLocale(page, "en");
  await page.goto("/receive/unmatched");
  await scannerReady(page);
  await scanHangul(page, "TOTE-12");
  // No scan panel on this page: the toast answers, and one tap puts it away (it may cover a button).
  await expect(page.getByTestId("scan-toast")).toContainText("TOTE-12");
  await snap(page, testInfo, "scan-toast-en");
  await page.getByTestId("scan-toast-close").click();
  await expect(page.getByTestId("scan-toast")).toHaveCount(0);
  // The same toast in Korean: its answer and its close button (닫기) in the user's language.
  await switchLocale(page, "ko");
  await scannerReady(page);
  await scanHangul(page, "TOTE-12");
  await expect(page.getByTestId("scan-toast")).toContainText("TOTE-12");
  await expect(page.getByTestId("scan-toast-close")).toHaveAccessibleName("닫기");
  await snap(page, testInfo, "scan-toast-ko");
  await page.getByTestId("scan-toast-close").click();
  await expect(page.getByTestId("scan-toast")).toHaveCount(0);
  await switchLocale(page, "en");
  await context.close();
});

test("a 90 ms a key scanner works once the station's setting allows it", async ({ page, request }) => {
  const order = await announce(request);
  await openStation(page, "/receive");
  await page.getByTestId("scanner-settings").locator("summary").click();
  await page.getByTestId("scanner-gap").selectOption("150");
  await page.getByTestId("scanner-settings").locator("summary").click();
  await page.locator("h1").first().click();
  await slowScan(page, order.trackingNumber, 90);
  await expect(status(page)).toContainText(order.trackingNumber);
  await expect(page.getByTestId("parcel-tracking")).toHaveText(order.trackingNumber);
});

test("refusals are shown in Korean", async ({ page }, testInfo) => {
  await openStation(page, "/receive");
  // Other journeys may have left this shared demo account in English.
  await switchLocale(page, "ko");
  await page.locator("h1").first().click();
  await scan(page, "BIN-A-03-02-1");
  await expect(status(page)).toHaveClass(/scan-status--error/);
  await expect(status(page)).toContainText("빈(bin) 코드입니다. 입고에서는 택배 송장번호를 스캔하세요.");
  await snap(page, testInfo, "refusal-ko-bin-at-receiving");
  // An item label with a wrong check character (a misread or mistyped label).
  const data = "7K3M9Q2XW4";
  const wrong = itemCodeCheckChar(data) === "Z" ? "Y" : "Z";
  await scan(page, `IT${data}${wrong}`);
  await expect(status(page)).toContainText("올바른 상품 라벨이 아닙니다");
  await expect(status(page)).not.toContainText(/[A-Za-z]{5,} [a-z]+/);
  await snap(page, testInfo, "refusal-ko-check-character");
});
