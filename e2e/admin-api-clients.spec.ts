import { expect, test } from "@playwright/test";
import { demo, signInWithPassword, snap } from "./helpers";

test("an admin creates an API client, sees its token once, and revokes it", async ({ page, request }, testInfo) => {
  const name = `Partner ${testInfo.project.name} ${Date.now()}`;
  await signInWithPassword(page, demo.admin);
  await page.goto("/admin/api-clients");
  await page.locator('input[name="name"]').fill(name);
  await page.getByRole("button", { name: /^(Create|만들기)$/ }).click();
  const token = (await page.getByTestId("token-value").textContent())?.trim() ?? "";
  expect(token).toMatch(/^lgt_/);
  await snap(page, testInfo, "admin-api-clients");

  const auth = { Authorization: `Bearer ${token}` };
  expect((await request.get("/api/v1/events?limit=1", { headers: auth })).status()).toBe(200);

  // The list shows only a prefix; the full token is not on the page after a reload.
  await page.reload();
  await expect(page.getByTestId("api-clients")).toContainText(name);
  await expect(page.locator("body")).not.toContainText(token);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("row", { name: new RegExp(name) }).getByRole("button", { name: /Revoke|폐기/ }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(/Revoked|폐기됨/);
  const refused = await request.get("/api/v1/events?limit=1", { headers: auth });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthorized:revoked_token");
});

test("a manager cannot open the API client page or create clients", async ({ page }) => {
  await signInWithPassword(page, demo.managerSeoul);
  await page.goto("/admin/api-clients");
  await expect(page).toHaveURL(/denied=1/);
  const answer = await page.request.post("/api/station/admin/api-clients", { data: { name: "sneaky" } });
  expect(answer.status()).toBe(403);
  expect((await answer.json()).error.code).toBe("forbidden:role");
});
