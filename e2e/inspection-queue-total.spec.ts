import { expect, test } from "@playwright/test";
import { demo, signInWithBadge, snap, switchLocale } from "./helpers";

test("the queue's heading counts every unit waiting, not only the page it lists, in both languages", async ({ page }, testInfo) => {
  await signInWithBadge(page, demo.inspectorBadge);
  await page.goto("/inspect");
  const queue = (await (await page.request.get("/api/station/inspection/queue")).json()) as { waiting: unknown[]; waitingTotal: number };
  expect(queue.waitingTotal).toBeGreaterThanOrEqual(queue.waiting.length);
  const total = queue.waitingTotal;
  await expect(page.getByTestId("queue-count")).toHaveText(total === 0 ? "nothing waiting" : `${total.toLocaleString("en-US")} waiting`);
  // A longer queue than the page says how many more wait after the ones listed.
  await expect(page.getByTestId("queue-more")).toHaveCount(total > queue.waiting.length ? 1 : 0);
  await snap(page, testInfo, "inspect-queue-total");
  await switchLocale(page, "ko");
  await expect(page.getByTestId("queue-count")).toHaveText(total === 0 ? "대기 없음" : `${total.toLocaleString("ko-KR")}건 대기`);
  await snap(page, testInfo, "inspect-queue-total-ko");
  await switchLocale(page, "en");
});
