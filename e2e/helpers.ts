import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

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

/** Types like a keyboard-wedge scanner: every key a few ms apart, then Enter. */
export async function scan(page: Page, code: string) {
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

/** Badge login as on a shared tablet: scan the badge anywhere on the page, then type the PIN. */
export async function loginWithBadge(page: Page, badge: string, pin = demo.pin) {
  await page.goto("/login");
  await page.locator("form[data-scanner-ready]").waitFor();
  await page.locator("h2").click(); // focus off the badge field: the scan must work from anywhere
  await scan(page, badge);
  await page.locator('input[name="pin"]').fill(pin);
  await page.getByRole("button", { name: /^(Sign in|로그인)$/ }).click();
}
