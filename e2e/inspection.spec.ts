import { englishDevice } from "./english-device";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { countTones, demo, scan, scannerReady, signInWithBadge, signInWithPassword, snap, switchLocale } from "./helpers";

/**
 * Inspection journeys at tablet and desktop size. Every test makes its OWN items: it announces an
 * order through the public API (unique external id and tracking number per test and project) and
 * receives the units at the receiving station's routes as an operator, so parallel tests in both
 * projects never share an item and the demo items in the queue are left alone.
 */

const token = "lgt_demo_seoul_0000000000000000000000";
// 1x1 PNG: the screen decodes it, draws it on a canvas and uploads a JPEG.
const tinyPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

type Line = { sku: string; productName: string; category: "sneakers" | "bags" | "watches"; size: string; price: number };
const cheapSneaker: Line = { sku: "DD1391-100", productName: "Nike Dunk Low Retro White Black", category: "sneakers", size: "270", price: 129000 };
const dearBag: Line = { sku: "M41113", productName: "Louis Vuitton Speedy 30 Monogram", category: "bags", size: "ONE SIZE", price: 1850000 };

/** Announces an order of `lines` and receives every unit; answers the new item codes in order. */
async function receivedItems(browser: Browser, testInfo: TestInfo, lines: Line[], type: "trade" | "storage" = "trade"): Promise<string[]> {
  return (await receivedOrder(browser, testInfo, lines, type)).codes;
}

/** As receivedItems, also answering the order's external id (to read its items over the public API). */
async function receivedOrder(
  browser: Browser,
  testInfo: TestInfo,
  lines: Line[],
  type: "trade" | "storage" = "trade",
): Promise<{ externalId: string; codes: string[] }> {
  const context = await browser.newContext({ storageState: englishDevice, baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  const unique = `${testInfo.project.name}-${testInfo.testId}-${Date.now()}`.replace(/[^A-Za-z0-9-]/g, "");
  const trackingNumber = `7788${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const externalId = `E2E-INSP-${unique}`;
  const announce = await context.request.post("/api/v1/inbound-orders", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      externalId,
      type,
      centerCode: "SEL",
      seller: { id: "S-E2E", name: "E2E Seller" },
      ...(type === "trade" ? { buyer: { id: "B-E2E", name: "E2E Buyer", address: "1 Test-ro, Seoul" } } : {}),
      items: lines,
      trackingNumber,
    },
  });
  expect(announce.ok(), await announce.text()).toBeTruthy();
  await signInWithBadge(page, demo.operatorBadge);
  const parcelAnswer = await context.request.post("/api/station/receiving/scan", { data: { scanId: randomUUID(), code: trackingNumber } });
  expect(parcelAnswer.ok(), await parcelAnswer.text()).toBeTruthy();
  const parcel = await parcelAnswer.json();
  const units: { itemId: string }[] = parcel.orders.flatMap((o: { units: { itemId: string }[] }) => o.units);
  const codes: string[] = [];
  for (const unit of units) {
    const received = await context.request.post("/api/station/receiving/units/receive", {
      data: { scanId: randomUUID(), parcelId: parcel.parcel.id, itemId: unit.itemId },
    });
    expect(received.ok(), await received.text()).toBeTruthy();
    codes.push((await received.json()).unit.code);
  }
  await context.close();
  return { externalId, codes };
}

/** The item's state and destination as the marketplace sees them (public API). */
async function itemOverApi(page: Page, externalId: string, code: string) {
  const answer = await page.request.get(`/api/v1/inbound-orders/${encodeURIComponent(externalId)}`, { headers: { authorization: `Bearer ${token}` } });
  expect(answer.ok(), await answer.text()).toBeTruthy();
  const items: { code: string | null; state: string; destination: string | null }[] = (await answer.json()).order.items;
  const item = items.find((i) => i.code === code);
  expect(item, `item ${code} in order ${externalId}`).toBeDefined();
  return item!;
}

/** Signs in as an inspector, opens the queue and claims the item by scanning its label. */
async function claimByScan(page: Page, badge: string, code: string) {
  await signInWithBadge(page, badge);
  await page.goto("/inspect");
  await scannerReady(page);
  await expect(page.locator(`[data-testid=queue-row][data-item-code="${code}"]`)).toBeVisible();
  await page.locator("h1").click();
  await scan(page, code);
  await expect(page).toHaveURL(/\/inspect\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("checklist")).toBeVisible();
  return page.url().split("/").pop()!;
}

async function fillChecklist(page: Page, notOkNote?: string) {
  const rows = page.locator('[data-testid^="check-"]');
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const bad = notOkNote !== undefined && i === count - 1;
    if (bad) await row.locator("input").fill(notOkNote);
    await row.getByRole("button").nth(bad ? 1 : 0).click();
    await expect(row.getByRole("button").nth(bad ? 1 : 0)).toHaveAttribute("aria-pressed", "true");
  }
  await expect(page.getByTestId("checklist-progress")).toContainText(`${count} / ${count}`);
}

async function addPhoto(page: Page, expected = 1) {
  await page.getByTestId("photo-input").setInputFiles({ name: "evidence.png", mimeType: "image/png", buffer: tinyPng });
  await expect(page.getByTestId("photo-thumb")).toHaveCount(expected);
  // The thumbnail is served by the photo route (role and center checked) and decodes as an image.
  await expect.poll(() => page.getByTestId("photo-thumb").first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
}

async function chooseVerdict(page: Page, verdict: string, reasons = 1) {
  await page.locator(`[data-verdict="${verdict}"]`).click();
  const boxes = page.getByTestId("verdict").locator('fieldset input[type="checkbox"]');
  for (let i = 0; i < reasons; i++) await boxes.nth(i).check();
}

async function submitVerdict(page: Page) {
  await page.getByRole("button", { name: /Record verdict|판정 기록/ }).click();
}

/** A pass at or above the four-eyes price: every point ok, the category's minimum of photos (bags: 2), sent to the second look. */
async function passToSecondLook(page: Page) {
  await fillChecklist(page);
  await addPhoto(page);
  await addPhoto(page, 2);
  await chooseVerdict(page, "pass", 0);
  await submitVerdict(page);
  await expect(page.getByTestId("verdict-outcome")).toContainText(/Sent to second look|2차 검수로 보냈습니다/);
}

test("claim by scan, checklist with a note, photo, pass (warned about the not-ok point): the item goes to packing", async ({ page, browser }, testInfo) => {
  const { externalId, codes: [code] } = await receivedOrder(browser, testInfo, [cheapSneaker]);
  const tones = await countTones(page);
  await signInWithBadge(page, demo.inspectorBadge);
  await page.goto("/inspect");
  await expect(page.locator(`[data-testid=queue-row][data-item-code="${code}"]`)).toBeVisible();
  await snap(page, testInfo, "inspect-queue");
  await page.locator("h1").click();
  await scannerReady(page);
  await scan(page, code);
  await expect(page).toHaveURL(/\/inspect\/[0-9a-f-]{36}$/);
  // One beep for the claiming scan (the scanner panel's), not one from the panel and one from the action.
  expect(await tones()).toBe(1);
  await expect(page.getByTestId("product-card")).toContainText("DD1391-100");
  await expect(page.getByTestId("product-card")).toContainText("270");
  await expect(page.getByTestId("product-state")).toHaveText("In inspection");
  await fillChecklist(page, "Tiny glue mark on the heel");
  await addPhoto(page);
  await snap(page, testInfo, "inspect-screen");
  await chooseVerdict(page, "pass", 0);
  await submitVerdict(page);
  // A Pass with a point marked not ok is asked once more; nothing is sent until then.
  const warning = page.getByTestId("pass-warning");
  await expect(warning).toContainText(/1 checklist point is marked not ok|불량으로 표시된 체크리스트 항목이 1개/);
  await snap(page, testInfo, "inspect-pass-warning");
  await warning.getByRole("button", { name: /^(Go back|돌아가기)$/ }).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByTestId("verdict-outcome")).toHaveCount(0);
  expect((await itemOverApi(page, externalId, code)).state).toBe("in_inspection");
  await submitVerdict(page);
  await warning.getByRole("button", { name: /^(Record Pass anyway|그래도 합격 기록)$/ }).click();
  await expect(page.getByTestId("verdict-outcome")).toContainText(/goes to packing|포장으로 이동/);
  await snap(page, testInfo, "inspect-outcome-pass");
  // The product card shows the item's new state, not the one the page was loaded with.
  await expect(page.getByTestId("product-state")).toHaveText("Awaiting pack");
  expect(await itemOverApi(page, externalId, code)).toMatchObject({ state: "awaiting_pack", destination: "buyer" });
  // The note and the not-ok mark were kept: the screen reloads them from the server.
  await page.reload();
  await expect(page.getByTestId("inspection-summary")).toBeVisible();
  await expect(page.getByTestId("checklist")).toContainText("Tiny glue mark on the heel");
});

const failingVerdicts = [
  { verdict: "pass_minor_defect", outcome: /Held for buyer decision|구매자 결정 대기/ },
  { verdict: "fail_used", outcome: /back to the seller \(penalty 15%\)|판매자에게 반송됩니다 \(페널티 15%\)/ },
  { verdict: "fail_defect", outcome: /back to the seller \(penalty 10%\)|판매자에게 반송됩니다 \(페널티 10%\)/ },
  { verdict: "fail_wrong_item", outcome: /back to the seller \(penalty 10%\)|판매자에게 반송됩니다 \(페널티 10%\)/ },
  { verdict: "fail_missing_parts", outcome: /back to the seller \(penalty 10%\)|판매자에게 반송됩니다 \(페널티 10%\)/ },
];

for (const { verdict, outcome } of failingVerdicts) {
  test(`verdict ${verdict}: refused without photo and reason, then recorded with evidence`, async ({ page, browser }, testInfo) => {
    const [code] = await receivedItems(browser, testInfo, [cheapSneaker]);
    await claimByScan(page, demo.inspectorBadge, code);
    await fillChecklist(page, "see photo");
    await page.locator(`[data-verdict="${verdict}"]`).click();
    await submitVerdict(page);
    await expect(page.getByTestId("verdict-error")).toContainText(/reason|사유/);
    await expect(page.getByTestId("verdict-error")).toContainText(/photo|사진/);
    await chooseVerdict(page, verdict, 1);
    await addPhoto(page);
    await submitVerdict(page);
    await expect(page.getByTestId("verdict-outcome")).toContainText(outcome);
    if (verdict !== "fail_used") return;
    await snap(page, testInfo, "inspect-outcome-fail");
    // "Next item" claims the head of the queue and opens it (given back at once: other tests use the queue).
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/station/inspection/claim-next")),
      page.getByTestId("inspect-next").click(),
    ]);
    expect(response.status()).toBe(200);
    const next = (await response.json()) as { inspectionId: string; itemId: string; itemCode: string };
    expect(next.itemCode).not.toBe(code);
    await expect(page).toHaveURL(new RegExp(`/inspect/${next.inspectionId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(next.itemCode);
    const released = await page.request.post("/api/station/inspection/release", { data: { scanId: `next-${next.inspectionId}`, itemId: next.itemId } });
    expect(released.ok(), await released.text()).toBe(true);
  });
}

test("counterfeit goes to a senior's second look; the inspector cannot review it; the senior confirms and it is quarantined", async ({ page, browser }, testInfo) => {
  const [code] = await receivedItems(browser, testInfo, [cheapSneaker]);
  const inspectionId = await claimByScan(page, demo.inspectorBadge, code);
  await fillChecklist(page, "stitching uneven");
  await addPhoto(page);
  await chooseVerdict(page, "fail_counterfeit", 1);
  await submitVerdict(page);
  await expect(page.getByTestId("verdict-outcome")).toContainText(/senior inspector must confirm|선임 검수자가 확인/);

  // The same inspector opens the review: the decision is shown disabled, with the reason.
  await page.goto(`/review/${inspectionId}`);
  await expect(page.getByRole("button", { name: /^(Confirm|확인): / })).toBeDisabled();
  await expect(page.getByTestId("review-block")).toContainText(/different inspector must review|다른 검수자가 재검수해야/);
  await snap(page, testInfo, "review-own-verdict-disabled");

  const senior = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  await signInWithBadge(senior, demo.seniorBadge);
  await senior.goto("/review");
  const row = senior.locator(`[data-testid=review-row][data-item-code="${code}"]`);
  await expect(row).toBeVisible();
  await snap(senior, testInfo, "review-queue");
  await row.getByRole("link").click();
  await expect(senior.getByTestId("review-panel")).toBeVisible();
  await expect(senior.getByTestId("photo-thumb")).toHaveCount(1);
  await snap(senior, testInfo, "review-screen");
  await senior.getByRole("button", { name: /^(Confirm|확인): / }).click();
  await expect(senior.getByTestId("review-outcome")).toContainText(/Quarantined|격리/);
  await snap(senior, testInfo, "review-outcome");
  await senior.close();
});

test("above the four-eyes price a pass waits for a second inspector, who confirms it; a claimed item names its inspector", async ({ page, browser }, testInfo) => {
  const [code] = await receivedItems(browser, testInfo, [dearBag]);
  const inspectionId = await claimByScan(page, demo.inspectorBadge, code);

  // Someone else scanning the claimed item is told who has it.
  const second = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  await signInWithBadge(second, demo.inspector2Badge);
  await second.goto("/inspect");
  await scannerReady(second);
  await second.locator("h1").click();
  await scan(second, code);
  await expect(second.getByTestId("queue-alert")).toContainText(/being inspected by|검수 중입니다/);
  await snap(second, testInfo, "inspect-claimed-by-other");

  await passToSecondLook(page);
  await expect(page.getByTestId("pass-warning")).toHaveCount(0); // every point ok: no warning

  await second.goto(`/review/${inspectionId}`);
  await second.getByRole("button", { name: /^(Confirm|확인): / }).click();
  await expect(second.getByTestId("review-outcome")).toContainText(/goes to packing|포장으로 이동/);
  await second.close();
});

test("a manager releases another inspector's abandoned claim from the queue; a second inspector then claims it by scan", async ({ page, browser }, testInfo) => {
  const { externalId, codes: [code] } = await receivedOrder(browser, testInfo, [cheapSneaker]);
  const firstInspection = await claimByScan(page, demo.inspectorBadge, code);

  const manager = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  await signInWithPassword(manager, demo.managerSeoul);
  await manager.goto("/inspect");
  const claimRow = manager.locator(`[data-testid=claim-row][data-item-code="${code}"]`);
  await expect(claimRow).toBeVisible();
  await expect(manager.locator(`[data-testid=queue-row][data-item-code="${code}"]`)).toHaveCount(0);
  // The list is a page of the oldest claims; its heading counts every open claim.
  const total = Number((await manager.getByTestId("claims-total").textContent())?.match(/[\d,]+/)?.[0].replace(/,/g, ""));
  expect(total).toBeGreaterThanOrEqual(await manager.getByTestId("claim-row").count());
  await snap(manager, testInfo, "inspect-claims-manager");
  await switchLocale(manager, "ko");
  await expect(manager.getByTestId("claims-total")).toHaveText(`${total.toLocaleString("ko-KR")}건`);
  await snap(manager, testInfo, "inspect-claims-manager-ko");
  await switchLocale(manager, "en"); // the language is kept on the shared demo account
  await claimRow.getByRole("button", { name: /^(Release|해제)$/ }).click();
  await expect(manager.getByTestId("queue-alert")).toContainText(code);
  await expect(claimRow).toHaveCount(0);
  await expect(manager.locator(`[data-testid=queue-row][data-item-code="${code}"]`)).toBeVisible();
  expect((await itemOverApi(manager, externalId, code)).state).toBe("received");
  await manager.close();

  // The first inspector's open screen can no longer record anything: the claim is gone.
  await page.locator('[data-testid^="check-"]').first().getByRole("button").first().click();
  await expect(page.getByTestId("checklist").getByRole("alert")).toContainText(/claim on .* was released|검수 배정이 해제되었습니다/);

  const second = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  const secondInspection = await claimByScan(second, demo.inspector2Badge, code);
  expect(secondInspection).not.toBe(firstInspection);
  await expect(second.getByTestId("product-card")).toContainText("DD1391-100");
  expect((await itemOverApi(second, externalId, code)).state).toBe("in_inspection");
  await second.close();
});

test("the second look overturns a high-price pass to a defect with a reason and the reviewer's photo: back to the seller", async ({ page, browser }, testInfo) => {
  const { externalId, codes: [code] } = await receivedOrder(browser, testInfo, [dearBag]);
  const inspectionId = await claimByScan(page, demo.inspectorBadge, code);
  await passToSecondLook(page);
  expect((await itemOverApi(page, externalId, code)).state).toBe("held");

  const reviewer = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  await signInWithBadge(reviewer, demo.inspector2Badge);
  await reviewer.goto("/review");
  await reviewer.locator(`[data-testid=review-row][data-item-code="${code}"]`).getByRole("link").click();
  await expect(reviewer).toHaveURL(new RegExp(`/review/${inspectionId}$`));
  const panel = reviewer.getByTestId("review-panel");
  await panel.getByRole("button", { name: /^(Overturn|번복)$/ }).click();
  await panel.locator('[data-verdict="fail_defect"]').click();
  const overturn = panel.getByRole("button", { name: /^(Overturn with this verdict|이 판정으로 번복)$/ });
  // An overturn needs a note saying why; a fail needs a reason too.
  await overturn.click();
  await expect(reviewer.getByTestId("review-error")).toContainText(/note|메모/);
  await panel.locator("textarea").last().fill("Tear at the handle seam");
  await overturn.click();
  await expect(reviewer.getByTestId("review-error")).toContainText(/reason|사유/);
  await panel.locator('fieldset input[type="checkbox"]').first().check();
  await addPhoto(reviewer, 3);
  await overturn.click();
  const outcome = reviewer.getByTestId("review-outcome");
  await expect(outcome).toContainText(/Overturned: Pass → Defect \/ damage|번복됨: 합격 → 불량 \/ 손상/);
  await expect(outcome).toContainText(/back to the seller \(penalty 10%\)|판매자에게 반송됩니다 \(페널티 10%\)/);
  await expect(reviewer.getByTestId("photo-input")).toHaveCount(0);
  await snap(reviewer, testInfo, "review-overturned");
  expect(await itemOverApi(reviewer, externalId, code)).toMatchObject({ state: "awaiting_pack", destination: "seller" });
  await reviewer.close();
});

test("photos: a text file posing as a JPEG and a photo over 10 MB are refused with clear messages; nothing is stored", async ({ page, browser }, testInfo) => {
  const [code] = await receivedItems(browser, testInfo, [cheapSneaker]);
  const inspectionId = await claimByScan(page, demo.inspectorBadge, code);
  const port = new URL(testInfo.project.use.baseURL!).port;
  const stored = path.join(process.cwd(), ".data", `e2e-photos-${port}`, "inspections", inspectionId);
  const storedFiles = () => (existsSync(stored) ? readdirSync(stored).length : 0);

  // Through the screen: the browser cannot decode it, sends it as it is, and the server refuses it.
  const text = Buffer.from("These are notes, not a photo.\n".repeat(40));
  await page.getByTestId("photo-input").setInputFiles({ name: "notes.jpg", mimeType: "image/jpeg", buffer: text });
  await expect(page.getByTestId("photos").getByRole("alert")).toContainText(/JPEG, PNG or WebP|JPEG, PNG, WebP 이미지여야/);
  await expect(page.getByTestId("photo-thumb")).toHaveCount(0);

  // Straight to the route (the screen shrinks real photos first, so only a direct call is this big).
  const huge = Buffer.alloc(10 * 1024 * 1024 + 200 * 1024);
  huge.set([0xff, 0xd8, 0xff, 0xe0]);
  const tooLarge = await page.request.post("/api/station/inspection/photos", {
    headers: { "x-legit-scan-id": `huge-${inspectionId}` },
    multipart: { inspectionId, photo: { name: "huge.jpg", mimeType: "image/jpeg", buffer: huge } },
  });
  expect(tooLarge.status()).toBe(413);
  const tooLargeError = (await tooLarge.json()).error;
  expect(tooLargeError.code).toBe("too_large:photo");
  expect(tooLargeError.message).toMatch(/the limit is 10 MB/);
  const disguised = await page.request.post("/api/station/inspection/photos", {
    headers: { "x-legit-scan-id": `disguised-${inspectionId}` },
    multipart: { inspectionId, photo: { name: "notes.jpg", mimeType: "image/jpeg", buffer: text } },
  });
  expect(disguised.status()).toBe(422);
  expect((await disguised.json()).error).toMatchObject({ code: "validation:photo_type", message: expect.stringContaining("not a readable JPEG") });

  const view = await page.request.get(`/api/station/inspection/inspections/${inspectionId}`);
  expect(view.ok()).toBeTruthy();
  expect((await view.json()).photos).toEqual([]);
  expect(storedFiles()).toBe(0);
  await page.reload();
  await expect(page.getByTestId("photo-count")).toContainText(/none|없음/);

  // A real photo still goes through, and is the only file stored.
  await addPhoto(page);
  expect(storedFiles()).toBe(1);
});

test("a manager saves a checklist as a new version and adds a reason code", async ({ page }, testInfo) => {
  await signInWithPassword(page, demo.managerSeoul);
  await page.goto("/inspect/checklists");
  // Each project edits its own category, so the two parallel runs do not race on one checklist.
  const category = testInfo.project.name === "tablet" ? "tech" : "apparel";
  await page.getByTestId("editor-category").selectOption(category);
  const before = await page.getByTestId("editor-point").count();
  await page.getByRole("button", { name: /Add point|항목 추가/ }).click();
  const point = page.getByTestId("editor-point").nth(before);
  await point.getByRole("textbox").nth(0).fill(`e2e_${testInfo.project.name}`);
  await point.getByRole("combobox").selectOption("box");
  await point.getByRole("textbox").nth(1).fill("보호 필름");
  await point.getByRole("textbox").nth(2).fill("Protective film");
  await page.getByRole("button", { name: /Save as new version|새 버전으로 저장/ }).click();
  await expect(page.getByTestId("editor-message")).toContainText(/version \d+|버전 \d+/);
  await page.reload();
  await page.getByTestId("editor-category").selectOption(category);
  await expect(page.getByTestId("editor-point")).toHaveCount(before + 1);

  const code = `E2E_${testInfo.project.name.toUpperCase()}`;
  const form = page.getByTestId("reason-form");
  await form.getByRole("textbox").nth(0).fill(code);
  await form.getByRole("textbox").nth(1).fill("테스트 사유");
  await form.getByRole("textbox").nth(2).fill("Test reason");
  await form.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: /Save reason code|사유 코드 저장/ }).click();
  await expect(page.getByTestId("reason-message")).toContainText(code);
  const row = page.locator(`[data-testid=reason-row][data-code="${code}"]`);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: /Deactivate|비활성화/ }).click();
  await expect(row.getByRole("button", { name: /^(Activate|활성화)$/ })).toBeVisible();
  await snap(page, testInfo, "inspect-checklists");
});

/** An inspector claims the item over the station route (in a context of their own). */
async function claimAsInspector(browser: Browser, testInfo: TestInfo, code: string): Promise<string> {
  const context = await browser.newContext({ storageState: englishDevice, baseURL: testInfo.project.use.baseURL });
  await signInWithBadge(await context.newPage(), demo.inspectorBadge);
  const claimed = await context.request.post("/api/station/inspection/claim", { data: { scanId: randomUUID(), itemCode: code } });
  expect(claimed.ok(), await claimed.text()).toBeTruthy();
  const { inspectionId } = await claimed.json();
  await context.close();
  return inspectionId;
}

test("a senior takes over another inspector's live claim from the queue, with a reason; the refusal of the scan is in the screen's language", async ({ page, browser }, testInfo) => {
  const [code] = await receivedItems(browser, testInfo, [cheapSneaker]);
  await claimAsInspector(browser, testInfo, code);
  await signInWithBadge(page, demo.seniorBadge);
  await page.goto("/inspect");
  await scannerReady(page);
  const row = page.locator(`[data-testid=claim-row][data-item-code="${code}"]`);
  await expect(row).toBeVisible();
  // From the row: the reason is asked first; the button says why it waits.
  await row.getByTestId("takeover").click();
  const form = page.getByTestId("takeover-form");
  await expect(form.getByTestId("takeover-confirm")).toBeDisabled();
  await expect(form).toContainText("at least 3 characters");
  await form.getByTestId("takeover-reason").fill("Kim went home sick");
  await expect(form.getByTestId("takeover-confirm")).toBeEnabled();
  await snap(page, testInfo, "inspect-takeover-en");
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(form).toHaveCount(0);
  // Scanning the claimed item on a Korean screen: refused in Korean, the take-over offered.
  await switchLocale(page, "ko");
  await scannerReady(page);
  await page.locator("h1").first().click();
  await scan(page, code);
  await expect(page.getByTestId("queue-alert")).toContainText("검수 중입니다. 이유를 적으면 넘겨받을 수 있습니다");
  await expect(form.getByTestId("takeover-confirm")).toBeDisabled();
  await expect(form).toContainText("이유를 3자 이상");
  await form.getByTestId("takeover-reason").fill("김 검수자 조퇴");
  await snap(page, testInfo, "inspect-takeover-ko");
  await form.getByTestId("takeover-confirm").click();
  await expect(page).toHaveURL(/\/inspect\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("checklist")).toBeVisible();
  await expect(page.getByTestId("product-state")).toHaveText("검수 중");
  await switchLocale(page, "en");
});

test("a manager takes over a live claim from the item's page; the reason is in the item's history", async ({ page, browser }, testInfo) => {
  const [code] = await receivedItems(browser, testInfo, [cheapSneaker]);
  await claimAsInspector(browser, testInfo, code);
  await signInWithPassword(page, demo.managerSeoul);
  await page.goto(`/items/${code}`);
  const box = page.getByTestId("item-takeover");
  await expect(box).toContainText("Being inspected by");
  await box.getByTestId("takeover").click();
  await box.getByTestId("takeover-reason").fill("Needed for the brand audit");
  await box.getByTestId("takeover-confirm").click();
  await expect(page).toHaveURL(/\/inspect\/[0-9a-f-]{36}$/);
  await page.goto(`/items/${code}`);
  await expect(page.getByTestId("item-takeover")).toHaveCount(0);
  await expect(page.locator('[data-testid=timeline-row][data-action="release_claim"]')).toContainText("Needed for the brand audit");
});

test("a senior takes over from the item's inspection screen, with a reason", async ({ page, browser }, testInfo) => {
  const [code] = await receivedItems(browser, testInfo, [cheapSneaker]);
  const inspectionId = await claimAsInspector(browser, testInfo, code);
  await signInWithBadge(page, demo.seniorBadge);
  await page.goto(`/inspect/${inspectionId}`);
  const box = page.getByTestId("item-takeover");
  await expect(box).toContainText("Being inspected by");
  await box.getByTestId("takeover").click();
  await expect(box.getByTestId("takeover-confirm")).toBeDisabled();
  await box.getByTestId("takeover-reason").fill("Second opinion needed now");
  await box.getByTestId("takeover-confirm").click();
  await expect(page).toHaveURL(/\/inspect\/[0-9a-f-]{36}$/);
  await expect(page).not.toHaveURL(new RegExp(inspectionId));
  await expect(page.getByTestId("checklist")).toBeVisible();
  await expect(page.getByTestId("item-takeover")).toHaveCount(0);
});
