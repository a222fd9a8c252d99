import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page, type TestInfo } from "@playwright/test";

export const demo = {
  password: "legit-demo",
  pin: "1234",
  managerSeoul: "manager.seoul@legit.demo",
  admin: "admin@legit.demo",
  operatorBadge: "EMP-1001",
  operator2Badge: "EMP-1002",
  inspectorBadge: "EMP-2001",
  inspector2Badge: "EMP-2002",
  seniorBadge: "EMP-3001",
};

/** Waits until the page's global scanner listener is attached (after hydration). */
export async function scannerReady(page: Page) {
  await page.locator("body[data-scanner-ready]").waitFor({ state: "attached" });
}

/**
 * A keyboard-wedge scanner's burst: every key (Shift around capitals, physical key codes) and a
 * final Enter, dispatched in the page at once, as the scanner's hardware delivers them. Driving the
 * keys one by one over the automation protocol would instead measure that protocol's latency.
 */
export async function scan(page: Page, code: string) {
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    const fire = (type: string, key: string, keyCode: string, shiftKey: boolean) =>
      target.dispatchEvent(new KeyboardEvent(type, { key, code: keyCode, shiftKey, bubbles: true, cancelable: true, composed: true }));
    for (const ch of text) {
      const upper = /[A-Z]/.test(ch);
      const keyCode = /[A-Za-z]/.test(ch) ? `Key${ch.toUpperCase()}` : /\d/.test(ch) ? `Digit${ch}` : ch === "-" ? "Minus" : "";
      if (upper) fire("keydown", "Shift", "ShiftLeft", true);
      fire("keydown", ch, keyCode, upper);
      fire("keyup", ch, keyCode, upper);
      if (upper) fire("keyup", "Shift", "ShiftLeft", false);
    }
    fire("keydown", "Enter", "Enter", false);
    fire("keyup", "Enter", "Enter", false);
  }, code);
}

/** Real key presses through the browser's input pipeline, a few ms apart, then Enter. */
export async function typeLikeScanner(page: Page, code: string) {
  await page.keyboard.type(code, { delay: 0 });
  await page.keyboard.press("Enter");
}

/** Saves a screenshot under e2e/screenshots/<project>/ for people to look at. */
export async function snap(page: Page, testInfo: TestInfo, name: string) {
  const dir = path.join("e2e", "screenshots", testInfo.project.name);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

export async function loginWithPassword(page: Page, email: string, password = demo.password) {
  await page.goto("/login");
  await page.getByRole("tab", { name: /E-mail|이메일/ }).click();
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: /^(Sign in|로그인)$/ }).click();
}

/** E-mail sign-in, waiting until the signed-in header shows. */
export async function signInWithPassword(page: Page, email: string) {
  await loginWithPassword(page, email);
  await expect(page.getByTestId("header-user")).toBeVisible();
}

/** Badge login as on a shared tablet: scan the badge anywhere on the page, then type the PIN. */
export async function loginWithBadge(page: Page, badge: string, pin = demo.pin, keys: "burst" | "keyboard" = "burst", signInPage = "/login") {
  await page.goto(signInPage);
  await page.locator("form[data-scanner-ready]").waitFor();
  await page.locator("h2").click(); // focus off the badge field: the scan must work from anywhere
  await (keys === "keyboard" ? typeLikeScanner(page, badge) : scan(page, badge));
  await page.locator('input[name="pin"]').fill(pin);
  await page.getByRole("button", { name: /^(Sign in|로그인)$/ }).click();
}

/** Badge sign-in; once more if the scanned badge was lost (the login screen still showing). */
export async function signInWithBadge(page: Page, badge: string) {
  await loginWithBadge(page, badge);
  try {
    await expect(page.getByTestId("header-user")).toBeVisible({ timeout: 5_000 });
  } catch {
    await loginWithBadge(page, badge);
    await expect(page.getByTestId("header-user")).toBeVisible();
  }
}

/** Signs in with a badge and opens a station ready for scans, with nothing focused (as on a tablet). */
export async function openStation(page: Page, path: string, badge = demo.operatorBadge) {
  await loginWithBadge(page, badge);
  await expect(page.getByTestId("header-user")).toBeVisible();
  await page.goto(path);
  await scannerReady(page);
  await page.locator("h1").first().click();
}

/** Puts the signed-in user's screen in `locale` (the choice is kept on the shared demo account). */
export async function switchLocale(page: Page, locale: "en" | "ko") {
  const button = page.getByRole("button", { name: locale === "ko" ? "한국어" : "English", exact: true });
  if ((await button.getAttribute("aria-pressed")) !== "true") {
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
  }
}

/**
 * Counts the feedback tones the page plays (components/scanner/feedback-sound.ts: one oscillator
 * for a success beep, two for an error buzz), so a test can check a scan sounds once. Call before
 * the page loads.
 */
export async function countTones(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __tones: number };
    w.__tones = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
      w.__tones += 1;
      return start.apply(this, args);
    };
  });
  return () => page.evaluate(() => (window as unknown as { __tones: number }).__tones);
}
