import { expect, test, type Page } from "@playwright/test";
import { deviceIn } from "./english-device";
import { demo, openStation, scan, scannerReady, signInWithBadge, signInWithPassword, snap } from "./helpers";

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

test("the quarantine station refuses at once an item that is not in quarantine", async ({ page }, testInfo) => {
  await signInWithBadge(page, demo.operatorBadge);
  // An item waiting for putaway (passed inspection, not a counterfeit).
  await page.goto("/putaway");
  const stray = (await page.locator("text=/^IT[0-9A-Z]{11}$/").first().innerText()).trim();
  const answer = await answerTo(page, "/quarantine", stray);
  await expect(answer).toContainText(`${stray}은(는) 격리 상품이 아닙니다`);
  await expect(answer).toHaveClass(/scan-status--error/);
  await snap(page, testInfo, "quarantine-not-quarantined-ko");
  // A quarantined one is taken: now its bin.
  const held = (await page.getByTestId("quarantine-row").first().getAttribute("data-code"))!;
  await page.locator("h1").first().click();
  await scan(page, held);
  await expect(page.getByTestId("scan-status")).toContainText(`${held}: 이제 격리 로케이션을 스캔하세요.`);
});

test("the handover station tells an item label, a bin or a tote from a parcel", async ({ page }, testInfo) => {
  await signInWithBadge(page, demo.operatorBadge);
  await page.goto("/handover");
  await scannerReady(page);
  await page.getByRole("button", { name: "Korea Post 출고 목록 열기" }).click();
  await expect(page.getByTestId("manifest-active")).toHaveAttribute("data-status", "open");
  const status = page.getByTestId("scan-status");
  await page.locator("h1").first().click();
  await scan(page, "BIN-A-01-01-1");
  await expect(status).toContainText("BIN-A-01-01-1은(는) 소포가 아니라 빈(bin) 코드입니다: 소포의 배송 라벨에 있는 송장번호를 스캔하세요.");
  await expect(status).toHaveClass(/scan-status--error/);
  await scan(page, "TOTE-1234");
  await expect(status).toContainText("TOTE-1234은(는) 소포가 아니라 토트 코드입니다");
  await snap(page, testInfo, "handover-not-a-parcel-ko");
  await expect(page.getByTestId("manifest-parcel")).toHaveCount(0);
});

/** A bin label scanned anywhere on `path` opens the bin's page, as on every staff page. */
async function scanBinOn(page: Page, path: string, bin: string) {
  await page.goto(path);
  await scannerReady(page);
  await scan(page, bin);
  await expect(page).toHaveURL(new RegExp(`/bins/${bin}$`));
}

test("a scanned bin this center does not have, and an address with nothing behind it, are said in Korean", async ({ page }, testInfo) => {
  await signInWithBadge(page, demo.operatorBadge);
  await scanBinOn(page, "/", "BIN-Z-99-99-9");
  await expect(page.getByTestId("bin-not-found")).toHaveText("이 센터에 BIN-Z-99-99-9 로케이션이 없습니다.");
  await expect(page.locator("body")).not.toContainText("could not be found");
  // The scanner still works there.
  await expect(page.locator("body[data-scanner-ready]")).toHaveCount(1);
  await snap(page, testInfo, "bin-not-found-ko");
  await page.goto("/no-such-page");
  await expect(page.getByTestId("not-found-page")).toContainText("페이지를 찾을 수 없습니다");
});

test("a print the server refuses says why in Korean, not in the server's English", async ({ page }, testInfo) => {
  await signInWithPassword(page, demo.managerSeoul);
  await page.goto("/storage/bins");
  // The zone went away between the page and the print (another manager): the server's refusal.
  await page.route("**/api/station/print", (route) =>
    route.fulfill({ status: 404, contentType: "application/json", body: JSON.stringify({ error: { code: "not_found:zone", message: "No zone A in this center.", params: { zone: "A" } } }) }),
  );
  await page.locator('[data-testid^="print-bins-"]').first().click();
  const error = page.getByTestId("print-error");
  await expect(error).toContainText("인쇄하지 못했습니다: 이 센터에 A 구역이 없습니다.");
  await expect(error).not.toContainText("No zone");
  await error.scrollIntoViewIfNeeded();
  await snap(page, testInfo, "print-refused-ko");
});

test("on a desk page a scanned bin label opens the bin, as on every other staff page", async ({ page }) => {
  await signInWithPassword(page, demo.managerSeoul);
  await scanBinOn(page, "/desk", "BIN-A-01-01-1");
  await expect(page.locator("h1")).toHaveText("BIN-A-01-01-1");
});

test("the pick station answers its buttons and its scans in one place, the newest on top", async ({ page }, testInfo) => {
  await openStation(page, "/pick");
  await page.getByTestId("pick-claim").first().click();
  const status = page.getByTestId("scan-status");
  await expect(status).toContainText(/목록 \d+을\(를\) 가져왔습니다/);
  await expect(status).toHaveAttribute("data-tone", "success");
  // A wrong bin (it changes nothing on the list): its refusal replaces the list's answer there.
  await scan(page, "BIN-Z-99-99-9");
  await expect(status).toHaveAttribute("data-tone", "error");
  await expect(status).not.toContainText("가져왔습니다");
  // No second answer box beside it: the list's answer is left only in the log, under the refusal.
  await expect(page.locator(".alert")).toHaveCount(0);
  const log = page.getByTestId("scan-log").locator("li");
  await expect(log.first()).toContainText("BIN-Z-99-99-9");
  await expect(log.nth(1)).toContainText("가져왔습니다");
  await snap(page, testInfo, "pick-one-answer-ko");
});
