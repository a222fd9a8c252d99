import { expect, test, type Page } from "@playwright/test";
import { deviceIn } from "./english-device";
import { demo, scan, scannerReady, signInWithBadge, signInWithPassword, snap } from "./helpers";

// A Korean station: every scan is answered in Korean, with the specific reason, never the generic text.
test.use({ storageState: deviceIn("ko") });

const generic = "문제가 발생했습니다";
const malformed = [
  { code: "IT0000000000X", says: "IT0000000000X은(는) 올바른 상품 라벨이 아닙니다(확인 문자가 틀림)" },
  { code: "BIN-A-", says: "BIN-A-은(는) 올바른 빈(bin) 코드가 아닙니다." },
];
/** A well-formed code no station page here takes (a staff badge): still a specific Korean answer. */
const wrongKind = "EMP-9999";

/** The scan's answer: the page's scan panel, or the scanner's toast on a page without one. */
async function answerTo(page: Page, path: string, code: string) {
  await page.goto(path);
  await scannerReady(page);
  await page.locator("h1").first().click();
  await scan(page, code);
  const answer = page.locator('[data-testid="scan-toast"], [data-testid="scan-status"]:not(.scan-status--idle):not(.scan-status--busy)').first();
  await expect(answer).toBeVisible();
  return answer;
}

async function checkPages(page: Page, paths: string[]) {
  for (const path of paths) {
    for (const { code, says } of malformed) {
      const answer = await answerTo(page, path, code);
      await expect(answer, `${path} ${code}`).toContainText(says);
      await expect(answer).toHaveClass(/scan-status--error/);
    }
    const answer = await answerTo(page, path, wrongKind);
    await expect(answer, `${path} ${wrongKind}`).toContainText(/[가-힣]/);
    await expect(answer).not.toContainText(generic);
  }
}

test("operator stations answer a malformed code with its reason in Korean", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signInWithBadge(page, demo.operatorBadge);
  await checkPages(page, ["/putaway", "/storage/move", "/storage/count", "/pick", "/pack", "/handover", "/quarantine", "/receive"]);
  await answerTo(page, "/putaway", "IT0000000000X");
  await snap(page, testInfo, "scan-answer-malformed-putaway-ko");
});

test("desk and inspection pages answer a malformed code with its reason in Korean", async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithPassword(page, demo.managerSeoul);
  await checkPages(page, ["/receive/unmatched", "/desk", "/storage/bins"]);
  await page.getByTestId("header-user").waitFor();
  await page.context().clearCookies();
  await page.context().addCookies(deviceIn("ko").cookies);
  await signInWithBadge(page, demo.inspectorBadge);
  await checkPages(page, ["/inspect", "/review"]);
});

test.describe("on an English device", () => {
  test.use({ storageState: deviceIn("en") });
  test("the same refusal in English", async ({ page }, testInfo) => {
    await signInWithPassword(page, demo.managerSeoul);
    const answer = await answerTo(page, "/receive/unmatched", "IT0000000000X");
    await expect(answer).toContainText("IT0000000000X is not a valid item label (its check character is wrong).");
    await expect(answer).toHaveAttribute("data-tone", "error");
    await snap(page, testInfo, "scan-answer-malformed-unmatched-en");
  });
});
