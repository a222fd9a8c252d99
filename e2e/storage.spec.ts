import { englishDevice } from "./english-device";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { demo, scan, scannerReady, signInWithBadge, signInWithPassword, snap } from "./helpers";

/**
 * Storage journeys: bulk-create bins (desktop, manager); putaway by scan with and without override
 * and with a tote, a move, and a blind count resolved by the manager (tablet, operator). Setup that
 * is not the journey itself (finding items, placing them) goes through the station API.
 */

type Lookup = { item: { code: string; sizeClass: string }; suggestion: { id: string; code: string } | null };

async function useLocale(page: Page, locale: "en" | "ko") {
  const name = locale === "ko" ? "한국어" : "English";
  const button = page.getByRole("button", { name, exact: true });
  if ((await button.getAttribute("aria-pressed")) !== "true") {
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
  }
}

async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const response = await page.request.post(url, { data });
  expect(response.ok(), await response.text()).toBeTruthy();
  return (await response.json()) as T;
}

const lookup = (page: Page, itemCode: string, exclude?: string[]) => post<Lookup>(page, "/api/station/storage/putaway/lookup", { itemCode, exclude });

test("a manager previews and bulk-creates a zone of bins, and sees its utilisation", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desk journey");
  await signInWithPassword(page, demo.managerSeoul);
  await page.goto("/storage/bins");
  await useLocale(page, "en");
  const zone = `X${Math.random().toString(36).slice(2, 4).toUpperCase()}`;
  await page.getByLabel("Zone code").fill(zone);
  await page.getByLabel("Zone name").fill("E2E overflow");
  await page.getByLabel("Size class").selectOption("M");
  await page.getByLabel("Capacity (units per bin)").fill("3");
  await page.getByLabel("Aisles to").fill("2");
  await page.getByLabel("Racks to").fill("3");
  await page.getByLabel("Levels to").fill("2");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("bin-preview")).toContainText(`12 bins in zone ${zone}: 12 new`);
  await expect(page.getByTestId("bin-preview")).toContainText(`BIN-${zone}-01-01-1`);
  await snap(page, testInfo, "storage-bins-preview-en");
  await page.getByRole("button", { name: "Create 12 bins" }).click();
  await expect(page.getByRole("status").filter({ hasText: "12 bins created" })).toBeVisible();
  await expect(page.getByTestId("utilisation")).toContainText(`${zone} · E2E overflow`);
  await page.goto(`/bins/BIN-${zone}-02-03-2`);
  await expect(page.getByTestId("bin-summary")).toContainText("0 of 3 used");
  await page.goto("/storage/bins");
  await useLocale(page, "ko");
  await expect(page.getByRole("heading", { name: "구역과 로케이션" })).toBeVisible();
  await snap(page, testInfo, "storage-bins-ko");
  await useLocale(page, "en");
});

test("the zones' list keeps each zone's first bin code on one line", async ({ page }, testInfo) => {
  await signInWithPassword(page, demo.managerSeoul);
  await page.goto("/storage/bins");
  await useLocale(page, "ko");
  const codes = page.getByTestId("zone-first-bin");
  await expect(codes.first()).toBeVisible();
  // An inline element that wraps has one box per line (it broke as "BIN-A-01-" / "01-1" at the tablet).
  expect(await codes.evaluateAll((links) => links.map((a) => a.getClientRects().length))).toEqual(Array(await codes.count()).fill(1));
  await snap(page, testInfo, "storage-bins-zones-ko");
  await useLocale(page, "en");
});

test.describe("storage floor (tablet)", () => {
  test.describe.configure({ mode: "serial" });

  test("putaway by scan: the suggestion, an override refused for its class then accepted, and a tote of two", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "tablet", "tablet journey");
    await signInWithBadge(page, demo.operatorBadge);
    await page.goto("/putaway");
    await useLocale(page, "en");
    await scannerReady(page);
    const queue = (await (await page.request.get("/api/station/storage/putaway/queue")).json()) as { items: { code: string }[] };
    expect(queue.items.length).toBeGreaterThanOrEqual(4);
    await expect(page.getByTestId("awaiting-putaway")).toBeVisible();
    const [first, second, third, fourth] = queue.items.map((i) => i.code);

    // 1. Scan the item, then the suggested bin.
    await scan(page, first);
    const suggested = (await page.getByTestId("suggested-bin").textContent())!.trim();
    expect(suggested).toMatch(/^BIN-/);
    await snap(page, testInfo, "putaway-suggestion-en");
    await scan(page, suggested);
    await expect(page.getByTestId("scan-status")).toContainText(`${first} stored in ${suggested}`);

    // 2. Override: a bin of another class is refused; another bin of the class is accepted.
    const second0 = await lookup(page, second);
    const other = await lookup(page, second, [second0.suggestion!.id]);
    await scan(page, second);
    await expect(page.getByTestId("suggested-bin")).toHaveText(second0.suggestion!.code);
    const wrongClass = second0.item.sizeClass === "S" ? "BIN-C-01-01-1" : "BIN-A-01-01-1";
    await scan(page, wrongClass);
    await expect(page.getByTestId("scan-status")).toHaveClass(/scan-status--error/);
    await expect(page.getByTestId("scan-status")).toContainText(/is for size class|크기용/);
    await scan(page, other.suggestion!.code);
    await expect(page.getByTestId("scan-status")).toContainText(`${second} stored in ${other.suggestion!.code} instead of ${second0.suggestion!.code}`);

    // 3. A tote: two items scanned in, then put away one after the other.
    await scan(page, "TOTE-77");
    await expect(page.getByTestId("tote-bar")).toBeVisible();
    await scan(page, third);
    await scan(page, fourth);
    await expect(page.getByTestId("tote-bar")).toContainText("2 items");
    await expect(page.getByTestId("scan-status")).toContainText(`${fourth} added to the tote (2)`);
    for (const code of [third, fourth]) {
      await expect(page.getByTestId("putaway-current")).toContainText(code);
      const bin = (await page.getByTestId("suggested-bin").textContent())!.trim();
      await scan(page, bin);
      await expect(page.getByTestId("putaway-done")).toContainText(`${code}→ ${bin}`);
    }
    await expect(page.getByTestId("tote-bar")).toBeHidden();
    await snap(page, testInfo, "putaway-done-en");
    await useLocale(page, "ko");
    await snap(page, testInfo, "putaway-done-ko");
    await useLocale(page, "en");

    // 4. A move: the overridden item back to the bin first suggested for it.
    await page.goto("/storage/move");
    await scannerReady(page);
    await scan(page, second);
    await expect(page.getByTestId("current-bin")).toHaveText(other.suggestion!.code);
    await scan(page, second0.suggestion!.code);
    await expect(page.getByTestId("scan-status")).toContainText(`${second} moved from ${other.suggestion!.code} to ${second0.suggestion!.code}`);
    await expect(page.getByTestId("current-bin")).toHaveText(second0.suggestion!.code);
    await expect(page.getByTestId("location-history").locator("li")).toHaveCount(2);
    await snap(page, testInfo, "move-en");
  });

  test("a blind count with one missing and one unexpected item, resolved by the manager", async ({ page, browser }, testInfo) => {
    test.skip(testInfo.project.name !== "tablet", "tablet journey");
    const managerContext = await browser.newContext({ storageState: englishDevice, baseURL: testInfo.project.use.baseURL, viewport: { width: 1440, height: 900 } });
    const manager = await managerContext.newPage();
    await signInWithPassword(manager, demo.managerSeoul);
    // Two fresh S bins; three stored shoe-box items placed in them (two here, one there).
    const zone = `Y${Math.random().toString(36).slice(2, 4).toUpperCase()}`;
    await post(manager, "/api/station/storage/bins", { scanId: randomUUID(), zoneCode: zone, aisles: { from: 1, to: 1 }, racks: { from: 1, to: 1 }, levels: { from: 1, to: 2 }, sizeClass: "S", capacity: 4 });
    const [here, there] = [`BIN-${zone}-01-01-1`, `BIN-${zone}-01-01-2`];

    await signInWithBadge(page, demo.operatorBadge);
    const stored: string[] = [];
    for (const bin of ["BIN-A-01-01-1", "BIN-A-01-01-2", "BIN-A-01-01-3", "BIN-A-01-02-1", "BIN-A-01-02-2"]) {
      const view = (await (await page.request.get(`/api/station/storage/bins/${bin}`)).json()) as { items: { code: string }[] };
      stored.push(...(view.items ?? []).map((i) => i.code));
      if (stored.length >= 3) break;
    }
    const [kept, lost, stray] = stored;
    expect(stray, "the demo data stores at least three shoe-box items").toBeTruthy();
    for (const [code, bin] of [[kept, here], [lost, here], [stray, there]]) {
      await post(page, "/api/station/storage/move", { scanId: randomUUID(), itemCode: code, binCode: bin });
    }

    // The manager plans the count of the bin.
    await manager.goto("/storage/counts");
    await useLocale(manager, "en");
    await manager.getByLabel("One bin").check();
    await manager.getByLabel("Bin code").fill(here);
    await manager.getByRole("button", { name: "Plan", exact: true }).click();
    await expect(manager.getByRole("status")).toContainText("1 counts planned");

    // The operator counts it blind: the bin, the item that is there, and one that should not be.
    await page.goto("/storage/count");
    await useLocale(page, "en");
    await scannerReady(page);
    await expect(page.getByText(here)).toBeVisible();
    await scan(page, here);
    await expect(page.getByTestId("count-current")).toContainText(here);
    await expect(page.getByTestId("count-current")).not.toContainText(lost);
    // The bin's own view does not give the expected list away either while it is counted.
    const during = (await (await page.request.get(`/api/station/storage/bins/${here}`)).json()) as { blind: boolean; items: unknown[]; occupied: number | null };
    expect(during).toMatchObject({ blind: true, items: [], occupied: null });
    await page.goto(`/bins/${here}`);
    await expect(page.getByTestId("bin-blind")).toBeVisible();
    await expect(page.getByTestId("bin-contents")).toHaveCount(0);
    await snap(page, testInfo, "bin-blind-en");
    await useLocale(page, "ko");
    await expect(page.getByTestId("bin-blind")).toContainText("블라인드");
    await snap(page, testInfo, "bin-blind-ko");
    await useLocale(page, "en");
    // Back to counting: scanning the bin again picks up the same count.
    await page.goto("/storage/count");
    await scannerReady(page);
    await scan(page, here);
    await expect(page.getByTestId("count-current")).toContainText(here);
    await scan(page, kept);
    await scan(page, stray);
    await expect(page.getByTestId("count-scanned")).toHaveText("2");
    await snap(page, testInfo, "count-blind-en");
    await page.getByRole("button", { name: "Finish count" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Count of ${here} finished with 2 items` })).toBeVisible();

    // The manager resolves: the missing one is marked missing, the unexpected one moved here.
    await manager.reload();
    const review = manager.getByTestId(`review-${here}`);
    await expect(review.getByTestId(`diff-${lost}`)).toContainText("Missing");
    await expect(review.getByTestId(`diff-${stray}`)).toContainText(`Unexpected`);
    await expect(review.getByTestId(`diff-${stray}`)).toContainText(`recorded in ${there}`);
    await snap(manager, testInfo, "count-review-en");
    await review.getByTestId(`diff-${lost}`).getByRole("button", { name: "Mark missing" }).click();
    await expect(review.getByTestId(`diff-${lost}`)).toContainText("Marked missing");
    await review.getByTestId(`diff-${stray}`).getByRole("button", { name: "Move here" }).click();
    await expect(manager.getByTestId(`review-${here}`)).toBeHidden();

    const bin = (await (await page.request.get(`/api/station/storage/bins/${here}`)).json()) as { items: { code: string }[]; occupied: number; lastCountedAt: string };
    expect(bin.items.map((i) => i.code).sort()).toEqual([kept, stray].sort());
    expect(bin.occupied).toBe(2);
    expect(bin.lastCountedAt).toBeTruthy();

    // The item's record shows its days in storage and the fee so far.
    await manager.goto(`/items/${kept}`);
    await expect(manager.getByTestId("item-storage-fee")).toContainText(/^\d+ days stored · \d+ charged · ₩[\d,]+$/);
    await managerContext.close();
  });
});
