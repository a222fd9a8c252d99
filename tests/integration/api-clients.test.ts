import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { apiClients } from "@/db/schema";
import { authenticateApiRequest, createApiClient, listApiClients, revokeApiClient, setApiClientWebhook } from "@/lib/api/api-clients";
import { demoApiTokens } from "@/scripts/demo-tokens";
import { hashApiToken } from "@/lib/api/tokens";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createUser } from "../helpers/fixtures";

describeEachDb("API clients", (use) => {
  let centerId: string;
  let otherCenterId: string;
  beforeAll(async () => {
    centerId = (await createCenter(use())).id;
    otherCenterId = (await createCenter(use())).id;
  });

  it("creates a client whose token is shown once and stored only as a hash", async () => {
    const { client, token, webhookSecret } = await createApiClient(use(), { name: "Marketplace", centerIds: [centerId] });
    expect(token).toMatch(/^lgt_[A-Za-z0-9_-]{43}$/);
    expect(webhookSecret).toBeNull();
    const [row] = await use().select().from(apiClients).where(eq(apiClients.id, client.id));
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(row.tokenPrefix).toBe(token.slice(0, 12));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = (await listApiClients(use(), { centerId })).find((c) => c.id === client.id)!;
    expect(listed).not.toHaveProperty("tokenHash");
    expect(listed).not.toHaveProperty("webhookSecret");
    expect((await listApiClients(use(), { centerId: otherCenterId })).some((c) => c.id === client.id)).toBe(false);
  });

  it("authenticates its bearer token, and refuses once revoked", async () => {
    const { client, token } = await createApiClient(use(), { name: "Two centers", centerIds: [centerId, otherCenterId] });
    expect(await authenticateApiRequest(use(), `Bearer ${token}`)).toEqual({ id: client.id, name: "Two centers", centerIds: [centerId, otherCenterId] });
    await expect(authenticateApiRequest(use(), `Bearer ${token}x`)).rejects.toMatchObject({ code: "unauthorized:invalid_token" });
    await expect(authenticateApiRequest(use(), token)).rejects.toMatchObject({ code: "unauthorized:missing_token" });
    await expect(authenticateApiRequest(use(), null)).rejects.toMatchObject({ code: "unauthorized:missing_token" });
    await revokeApiClient(use(), "console", client.id);
    await expect(authenticateApiRequest(use(), `Bearer ${token}`)).rejects.toMatchObject({ code: "unauthorized:revoked_token" });
    // Revoking again changes nothing.
    const again = await revokeApiClient(use(), "console", client.id);
    expect(again.revokedAt).not.toBeNull();
  });

  it("lets an admin revoke or re-hook only their own center's clients", async () => {
    const { client } = await createApiClient(use(), { name: "Center A only", centerIds: [centerId] });
    const otherAdmin = { userId: (await createUser(use(), otherCenterId, "admin")).id, centerId: otherCenterId, role: "admin" as const };
    const manager = { userId: (await createUser(use(), centerId, "manager")).id, centerId, role: "manager" as const };
    await expect(revokeApiClient(use(), otherAdmin, client.id)).rejects.toMatchObject({ code: "not_found:api_client" });
    await expect(setApiClientWebhook(use(), otherAdmin, client.id, "https://market.example/x")).rejects.toMatchObject({ code: "not_found:api_client" });
    await expect(revokeApiClient(use(), manager, client.id)).rejects.toMatchObject({ code: "forbidden:role" });
    const [row] = await use().select().from(apiClients).where(eq(apiClients.id, client.id));
    expect(row.revokedAt).toBeNull();
    expect(row.webhookUrl).toBeNull();
    const ownAdmin = { userId: (await createUser(use(), centerId, "admin")).id, centerId, role: "admin" as const };
    expect((await revokeApiClient(use(), ownAdmin, client.id)).revokedAt).not.toBeNull();
  });

  it("refuses unknown centers, bad webhook URLs and a duplicate fixed token", async () => {
    await expect(createApiClient(use(), { name: "X", centerIds: ["00000000-0000-4000-8000-000000000000"] })).rejects.toMatchObject({ code: "validation:center" });
    await expect(createApiClient(use(), { name: "X", centerIds: [centerId], webhookUrl: "ftp://example" })).rejects.toMatchObject({ code: "validation" });
    await expect(createApiClient(use(), { name: "", centerIds: [centerId] })).rejects.toMatchObject({ code: "validation" });
    await createApiClient(use(), { name: "Demo Seoul", centerIds: [centerId], token: demoApiTokens.SEL });
    expect((await authenticateApiRequest(use(), `Bearer ${demoApiTokens.SEL}`)).name).toBe("Demo Seoul");
    await expect(createApiClient(use(), { name: "Again", centerIds: [centerId], token: demoApiTokens.SEL })).rejects.toMatchObject({ code: "conflict:api_token" });
  });

  it("sets a webhook with a fresh signing secret, and removes it", async () => {
    const { client } = await createApiClient(use(), { name: "Hooks", centerIds: [centerId] });
    const { webhookSecret } = await setApiClientWebhook(use(), "console", client.id, "https://market.example/hooks");
    expect(webhookSecret).toMatch(/^whsec_/);
    const [row] = await use().select().from(apiClients).where(eq(apiClients.id, client.id));
    expect(row).toMatchObject({ webhookUrl: "https://market.example/hooks", webhookSecret });
    await setApiClientWebhook(use(), "console", client.id, null);
    const [cleared] = await use().select().from(apiClients).where(eq(apiClients.id, client.id));
    expect(cleared).toMatchObject({ webhookUrl: null, webhookSecret: null });
  });
});
