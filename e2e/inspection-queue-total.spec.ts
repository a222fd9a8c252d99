import { expect, test } from "@playwright/test";
import { demo, signInWithBadge, snap, switchLocale } from "./helpers";

test("the queue's heading counts every unit waiting and every one past its deadline, not only the page it lists, in both languages", async ({ page }, testInfo) => {
  await signInWithBadge(page, demo.inspectorBadge);
  await page.goto("/inspect");
  const queue = (await (await page.request.get("/api/station/inspection/queue")).json()) as { waiting: { overdue: boolean }[]; waitingTotal: number; overdueTotal: number };
  expect(queue.waitingTotal).toBeGreaterThanOrEqual(queue.waiting.length);
  const total = queue.waitingTotal;
  await expect(page.getByTestId("queue-count")).toHaveText(total === 0 ? "nothing waiting" : `${total.toLocaleString("en-US")} waiting`);
  // A longer queue than the page says how many more wait after the ones listed.
  await expect(page.getByTestId("queue-more")).toHaveCount(total > queue.waiting.length ? 1 : 0);
  // The overdue badge counts every unit past its deadline, the listed ones among them.
  expect(queue.overdueTotal).toBeGreaterThanOrEqual(queue.waiting.filter((w) => w.overdue).length);
  const overdue = page.getByTestId("queue-overdue");
  if (queue.overdueTotal > 0) await expect(overdue).toHaveText(`${queue.overdueTotal.toLocaleString("en-US")} past deadline`);
  else await expect(overdue).toHaveCount(0);
  await snap(page, testInfo, "inspect-queue-total");
  await switchLocale(page, "ko");
  await expect(page.getByTestId("queue-count")).toHaveText(total === 0 ? "대기 없음" : `${total.toLocaleString("ko-KR")}건 대기`);
  if (queue.overdueTotal > 0) await expect(overdue).toHaveText(`기한 초과 ${queue.overdueTotal.toLocaleString("ko-KR")}건`);
  await snap(page, testInfo, "inspect-queue-total-ko");
  await switchLocale(page, "en");
});
