import { expect, test } from "@playwright/test";
import { deviceIn } from "./english-device";
import { demo, loginWithBadge, loginWithPassword, snap } from "./helpers";

// A Korean manager on a Korean tablet: the screens below are checked in Korean.
test.use({ storageState: deviceIn("ko") });

test.describe("sign-in", () => {
  test("manager signs in with e-mail and password and sees the dashboard", async ({ page }, testInfo) => {
    await page.goto("/login");
    await snap(page, testInfo, "login");
    await loginWithPassword(page, demo.managerSeoul);
    await expect(page.getByTestId("header-user")).toContainText("김민지");
    await expect(page.getByTestId("header-center")).toContainText("서울 검수센터");
    await page.goto("/desk");
    await expect(page.getByTestId("count-stored")).toContainText(/\d+/);
    await expect(page.getByTestId("inspection-today")).toBeVisible();
    await expect(page.getByTestId("verdict-pass")).toContainText(/\d+/);
    await snap(page, testInfo, "desk");
  });

  test("operator signs in by scanning a badge and typing the PIN", async ({ page }, testInfo) => {
    // Real key presses here (the other tests use a dispatched burst): proves the listener reads them.
    await loginWithBadge(page, demo.operatorBadge, demo.pin, "keyboard");
    await expect(page.getByTestId("header-user")).toContainText("이준호");
    await snap(page, testInfo, "home-operator");
  });

  test("a wrong PIN is refused with a clear message and no session", async ({ page }) => {
    await loginWithBadge(page, demo.operator2Badge, "9999");
    await expect(page.locator("p[role=alert]")).toContainText(/Wrong sign-in details|로그인 정보가 맞지 않습니다/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password is refused", async ({ page }) => {
    await loginWithPassword(page, demo.admin, "not-the-password");
    await expect(page.locator("p[role=alert]")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("an operator cannot open the manager dashboard", async ({ page }) => {
    await loginWithBadge(page, demo.operatorBadge);
    await expect(page.getByTestId("header-user")).toBeVisible();
    await page.goto("/desk");
    await expect(page).toHaveURL(/denied=1/);
    await expect(page.locator("p[role=alert]")).toBeVisible();
  });

  test("sign-out is one tap and ends the session", async ({ page }) => {
    await loginWithBadge(page, demo.inspectorBadge);
    await page.getByRole("button", { name: /Sign out|로그아웃/ }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
});

test("language switch turns the screen to English and back, and the choice is kept", async ({ page }, testInfo) => {
  await loginWithPassword(page, demo.managerSeoul);
  await expect(page.getByRole("button", { name: "로그아웃" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await snap(page, testInfo, "home-english");
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "한국어" }).click();
  await expect(page.getByRole("button", { name: "로그아웃" })).toBeVisible();
});
