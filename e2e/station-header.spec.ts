import { expect, test } from "@playwright/test";
import { demo, signInWithPassword, snap, switchLocale } from "./helpers";

/**
 * The header at tablet and desktop width, in English and Korean, for the role with the most
 * stations (a manager may step in at every station): each station's waiting work is counted, the
 * center's name stays readable (it once wrapped one character per line at 1024 px), and nothing
 * runs off the side of the screen.
 */
test("the header lists the role's stations with their waiting work; the center name stays readable", async ({ page }, testInfo) => {
  await signInWithPassword(page, demo.managerSeoul);
  await page.goto("/pick");
  for (const locale of ["en", "ko"] as const) {
    await switchLocale(page, locale);
    await expect(page.getByTestId("nav-pick")).toHaveAttribute("aria-current", "page");
    await expect(page.locator('[data-testid^="nav-count-"]').first()).toBeVisible();
    await snap(page, testInfo, `header-${locale}`);
    const center = (await page.getByTestId("header-center").boundingBox())!;
    expect(center.width, "the center's name has room").toBeGreaterThan(180);
    expect(center.height, "one line, maybe two; never a column of characters").toBeLessThan(64);
    const brand = (await page.getByRole("link", { name: "Legit", exact: true }).boundingBox())!;
    const signOut = (await page.getByTestId("sign-out").boundingBox())!;
    expect(signOut.y, "sign out on the first row, not wrapped under it").toBeLessThan(brand.y + brand.height);
    const user = (await page.getByTestId("header-user").boundingBox())!;
    expect(user.height).toBeLessThan(48);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), "no sideways scrolling").toBeLessThanOrEqual(0);
  }
  await switchLocale(page, "en");
});
