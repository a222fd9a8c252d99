import { expect, test } from "@playwright/test";
import { generateItemCode } from "../lib/scan-codes/item-code";
import { demo, scan, scannerReady, signInWithPassword, snap, switchLocale } from "./helpers";

test("the scanner's toast sits in the bottom right corner, clear of the page's middle, and goes at a tap on it", async ({ page }, testInfo) => {
  // A page without a scan panel; a malformed item label is refused (kept 5 s).
  await signInWithPassword(page, demo.managerSeoul);
  await page.goto("/receive/unmatched");
  await scannerReady(page);
  await scan(page, "IT0000000000X");
  const toast = page.getByTestId("scan-toast");
  await expect(toast).toBeVisible();
  const viewport = page.viewportSize()!;
  const box = (await toast.boundingBox())!;
  // In the bottom right corner, at most 380 px wide: the middle of the page stays clear.
  expect(box.width).toBeLessThanOrEqual(380);
  expect(viewport.width - (box.x + box.width)).toBeLessThan(24);
  expect(box.x).toBeGreaterThan(viewport.width / 2 - 10);
  expect(viewport.height - (box.y + box.height)).toBeLessThan(24);
  await snap(page, testInfo, "scan-toast-corner");
  // A tap on its text (not only the ×) puts it away.
  await toast.locator("span").first().click();
  await expect(toast).toHaveCount(0);

  // Korean, the same.
  await switchLocale(page, "ko");
  await scannerReady(page);
  await scan(page, "IT0000000000X");
  await expect(toast).toBeVisible();
  await snap(page, testInfo, "scan-toast-corner-ko");
  await switchLocale(page, "en");
});

test("a success toast goes by itself within about three seconds; a refusal stays longer", async ({ page }) => {
  await signInWithPassword(page, demo.managerSeoul);
  await page.goto("/receive/unmatched");
  await scannerReady(page);
  // An item label opens the item's page for a manager: a success.
  await scan(page, generateItemCode());
  const toast = page.getByTestId("scan-toast");
  await expect(toast).toHaveAttribute("data-tone", "success");
  await expect(toast).toHaveCount(0, { timeout: 4_500 });
  // A malformed item label is refused: still there after the success's time.
  await page.goto("/receive/unmatched");
  await scannerReady(page);
  await scan(page, "IT0000000000X");
  await expect(toast).toHaveAttribute("data-tone", "error");
  await page.waitForTimeout(3_500);
  await expect(toast).toBeVisible();
});
