import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, loginWithBadge, signInWithPassword } from "./helpers";

/** axe-core (WCAG 2.0/2.1 A and AA rules) finds nothing on each page, as its users see it. */
async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  const why = result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`));
  expect(found, `${path}\n${why.join("\n")}`).toEqual([]);
}

test("public pages", async ({ page }) => {
  for (const path of ["/login", "/api-docs"]) await expectNoViolations(page, path);
});

test("operator pages", async ({ page }) => {
  await loginWithBadge(page, demo.operatorBadge);
  await expect(page.getByTestId("header-user")).toBeVisible();
  for (const path of ["/", "/receive"]) await expectNoViolations(page, path);
});

for (const paths of [
  ["/putaway", "/storage/move", "/storage/count", "/bins/BIN-A-01-01-1"],
  ["/pick", "/pack", "/handover", "/quarantine"],
]) {
  test(`stations ${paths.join(" ")}`, async ({ page }) => {
    await loginWithBadge(page, demo.operatorBadge);
    await expect(page.getByTestId("header-user")).toBeVisible();
    for (const path of paths) await expectNoViolations(page, path);
  });
}

test("inspector pages", async ({ page }) => {
  await loginWithBadge(page, demo.inspectorBadge);
  await expect(page.getByTestId("header-user")).toBeVisible();
  for (const path of ["/", "/inspect", "/review"]) await expectNoViolations(page, path);
});

test("manager and admin pages", async ({ page }) => {
  await signInWithPassword(page, demo.managerSeoul);
  for (const path of ["/desk", "/receive/unmatched", "/receive/unexpected", "/inspect/checklists"]) await expectNoViolations(page, path);
  await page.context().clearCookies();
  await signInWithPassword(page, demo.admin);
  await expectNoViolations(page, "/admin/api-clients");
});

// The desk's sub-pages, a few per test (each axe run takes seconds on a busy machine).
const deskPages = [
  ["/storage/bins", "/storage/counts", "/storage/fees", "/pick/exceptions"],
  ["/desk/exceptions", "/desk/printers", "/search?q=Nike", "/items"],
  ["/admin/staff", "/admin/settings", "/admin/audit"],
];
for (const paths of deskPages) {
  test(`desk pages ${paths.join(" ")}`, async ({ page }) => {
    await signInWithPassword(page, demo.managerSeoul);
    for (const path of paths) await expectNoViolations(page, path);
  });
}
