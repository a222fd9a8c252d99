import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { dunk, seoulApiToken, unique } from "./announce";
import { englishDevice } from "./english-device";
import { countTones, demo, scan, scannerReady, signInWithBadge, signInWithPassword, snap } from "./helpers";

/*
 * Two putaway stations take the last slot of one bin at the same moment: one stores its item, the
 * other is refused (error colour, error buzz, "Bin … is full") and shown a new suggestion at once.
 * Its own storage items (announced, received, passed through the station routes) and its own bin.
 */

async function post<T = Record<string, unknown>>(page: Page, url: string, data: Record<string, unknown>): Promise<T> {
  const answer = await page.request.post(url, { data: { scanId: randomUUID(), ...data } });
  expect(answer.ok(), await answer.text()).toBeTruthy();
  return answer.json() as Promise<T>;
}

/** A putaway station of its own (a browser context per tablet), signed in with `badge`, its tones counted. */
async function station(browser: Browser, testInfo: TestInfo, badge: string) {
  const context = await browser.newContext({ storageState: englishDevice, baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  const tones = await countTones(page);
  await signInWithBadge(page, badge);
  return { context, page, tones };
}

test("two stations take a bin's last slot at once: the loser is told the bin is full and gets a new suggestion", async ({ browser, request }, testInfo) => {
  test.setTimeout(120_000);
  // Two passed shoe-box storage items, received and inspected through the station routes.
  const trackingNumber = unique("CJRACE");
  const response = await request.post("/api/v1/inbound-orders", {
    headers: { authorization: `Bearer ${seoulApiToken}` },
    data: {
      externalId: unique("E2E-RACE-"),
      type: "storage",
      centerCode: "SEL",
      seller: { id: unique("S-"), name: "Race Seller", address: "1 Test-ro, Seoul" },
      items: [dunk, { ...dunk, size: "275" }],
      trackingNumber,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const a = await station(browser, testInfo, demo.operatorBadge);
  const b = await station(browser, testInfo, demo.operator2Badge);
  const parcel = await post<{ parcel: { id: string }; orders: { units: { itemId: string }[] }[] }>(a.page, "/api/station/receiving/scan", { code: trackingNumber });
  const codes: string[] = [];
  for (const unit of parcel.orders[0].units) {
    codes.push((await post<{ unit: { code: string } }>(a.page, "/api/station/receiving/units/receive", { parcelId: parcel.parcel.id, itemId: unit.itemId })).unit.code);
  }
  const inspector = await browser.newContext({ storageState: englishDevice, baseURL: testInfo.project.use.baseURL });
  const ins = await inspector.newPage();
  await signInWithBadge(ins, demo.inspectorBadge);
  for (const code of codes) {
    const { inspectionId } = await post<{ inspectionId: string }>(ins, "/api/station/inspection/claim", { itemCode: code });
    const view = await (await ins.request.get(`/api/station/inspection/inspections/${inspectionId}`)).json();
    const results = view.checklist.points.map((p: { key: string }) => ({ key: p.key, ok: true }));
    await post(ins, "/api/station/inspection/results", { inspectionId, results });
    await post(ins, "/api/station/inspection/verdict", { inspectionId, verdict: "pass", reasonCodes: [], note: "" });
  }
  await inspector.close();

  // A bin of one slot, made by the manager.
  const desk = await browser.newContext({ storageState: englishDevice, baseURL: testInfo.project.use.baseURL });
  const manager = await desk.newPage();
  await signInWithPassword(manager, demo.managerSeoul);
  const zone = `R${Math.random().toString(36).slice(2, 4).toUpperCase()}`;
  await post(manager, "/api/station/storage/bins", { zoneCode: zone, aisles: { from: 1, to: 1 }, racks: { from: 1, to: 1 }, levels: { from: 1, to: 1 }, sizeClass: "S", capacity: 1 });
  await desk.close();
  const lastSlot = `BIN-${zone}-01-01-1`;

  // Each station scans its item and sees a suggestion.
  for (const [s, code] of [[a, codes[0]], [b, codes[1]]] as const) {
    await s.page.goto("/putaway");
    await scannerReady(s.page);
    await s.page.locator("h1").first().click();
    await scan(s.page, code);
    await expect(s.page.getByTestId("putaway-current")).toContainText(code);
    await expect(s.page.getByTestId("suggested-bin")).toHaveText(/^BIN-/);
  }
  const before = await Promise.all([a.tones(), b.tones()]);

  // Both scan the one-slot bin at the same moment.
  await Promise.all([scan(a.page, lastSlot), scan(b.page, lastSlot)]);
  const status = (s: typeof a) => s.page.getByTestId("scan-status");
  await expect(status(a)).not.toHaveText("");
  await expect(async () => {
    const classes = await Promise.all([status(a).getAttribute("class"), status(b).getAttribute("class")]);
    expect(classes.filter((c) => /scan-status--error/.test(c ?? ""))).toHaveLength(1);
    expect(classes.filter((c) => /scan-status--(warning|success)/.test(c ?? ""))).toHaveLength(1);
  }).toPass({ timeout: 15_000 });
  const aLost = /scan-status--error/.test((await status(a).getAttribute("class")) ?? "");
  const [winner, loser] = aLost ? [b, a] : [a, b];
  const [winnerCode, loserCode] = aLost ? [codes[1], codes[0]] : [codes[0], codes[1]];

  // The winner stored its item in the bin (an override of its suggestion).
  await expect(status(winner)).toContainText(`${winnerCode} stored in ${lastSlot}`);
  // The loser: colour, text and a new suggestion (another bin), and the error buzz (two tones).
  await expect(status(loser)).toContainText(`Bin ${lastSlot} is full. Scan the new suggestion. New suggestion:`);
  await expect(loser.page.getByTestId("putaway-current")).toContainText(loserCode);
  const suggested = loser.page.getByTestId("suggested-bin");
  await expect(suggested).toHaveText(/^BIN-/);
  const fresh = (await suggested.textContent())!.trim();
  expect(fresh).not.toBe(lastSlot);
  await expect(status(loser)).toContainText(`New suggestion: ${fresh}.`);
  await expect.poll(() => loser.tones()).toBe(before[aLost ? 0 : 1] + 2);
  await snap(loser.page, testInfo, "putaway-race-lost-en");

  // The loser puts its item into the new suggestion.
  await scan(loser.page, fresh);
  await expect(status(loser)).toContainText(`${loserCode} stored in ${fresh}`);
  await Promise.all([a.context.close(), b.context.close()]);
});
