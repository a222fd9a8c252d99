import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { apiClients, centers, webhookRelayPositions, type ApiClient } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { requireRole } from "@/lib/auth/require-role";
import { DomainError } from "@/lib/errors/domain-error";
import { readVisibleHead } from "./list-events";
import { checkWebhookTarget } from "./webhook-target";
import { displayPrefix, generateApiToken, generateWebhookSecret, hashApiToken, tokenPrefix } from "./tokens";

/** The authenticated caller of /api/v1: which marketplace system, for which centers. */
export type ApiCaller = { id: string; name: string; centerIds: string[] };

export const webhookUrlSchema = z
  .url({ protocol: /^https?$/, error: "Give an http(s) URL for the webhook." })
  .max(2000);

export const createApiClientSchema = z.object({
  name: z.string().trim().min(1, "Give the client a name.").max(100),
  centerIds: z.array(z.uuid()).min(1, "Choose at least one center."),
  webhookUrl: webhookUrlSchema.optional(),
  createdBy: z.uuid().optional(),
  /** Only for demo data: a fixed, known token. Never use in production. */
  token: z.string().startsWith(tokenPrefix).min(24).optional(),
});
export type CreateApiClientInput = z.input<typeof createApiClientSchema>;

export type CreatedApiClient = {
  client: ApiClient;
  /** Shown once: only its hash is stored. */
  token: string;
  /** Shown once when a webhook URL was given; the receiver checks signatures with it. */
  webhookSecret: string | null;
};

/** Creates an API client and returns its bearer token, which cannot be read again later. */
export async function createApiClient(db: Db, input: CreateApiClientInput): Promise<CreatedApiClient> {
  const parsed = createApiClientSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("validation", parsed.error.issues.map((i) => i.message).join(" "));
  const { name, centerIds, webhookUrl, createdBy } = parsed.data;
  const token = parsed.data.token ?? generateApiToken();
  if (webhookUrl) await checkWebhookTarget(webhookUrl, { allowUnresolvable: true });
  const webhookSecret = webhookUrl ? generateWebhookSecret() : null;
  return db.transaction(async (tx) => {
    const found = await tx.select({ id: centers.id }).from(centers).where(inArray(centers.id, centerIds));
    if (found.length !== new Set(centerIds).size) throw new DomainError("validation:center", "One of the chosen centers does not exist.");
    const [client] = await tx
      .insert(apiClients)
      .values({
        name,
        centerIds: [...new Set(centerIds)],
        tokenHash: hashApiToken(token),
        tokenPrefix: displayPrefix(token),
        webhookUrl: webhookUrl ?? null,
        webhookSecret,
        createdBy: createdBy ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!client) throw new DomainError("conflict:api_token", "An API client with this token already exists.");
    if (webhookUrl) await startRelayAtHead(tx, client);
    return { client, token, webhookSecret };
  });
}

/**
 * Who manages API clients: an admin signed in to a center (only that center's clients), or the
 * server's own console (`npm run legit`, set-up scripts), which may manage any.
 */
export type ClientManager = StaffContext | "console";

/** Refuses unless `by` may manage this client; a client of another center is answered as not found. */
function checkManager(by: ClientManager, client: ApiClient | undefined): asserts client is ApiClient {
  if (by !== "console") requireRole(by, ["admin"], "Only an admin can manage API clients.");
  if (!client || (by !== "console" && !client.centerIds.includes(by.centerId))) {
    throw new DomainError("not_found:api_client", "No such API client in this center.");
  }
}

/** Sets or removes a client's webhook. A new secret is made and returned (shown once). */
export async function setApiClientWebhook(
  db: Db,
  by: ClientManager,
  clientId: string,
  webhookUrl: string | null,
  /** Runs inside the change's transaction with the row as it was, e.g. to write the audit row. */
  alsoInTx?: (tx: Tx, before: ApiClient) => Promise<void>,
): Promise<{ webhookSecret: string | null }> {
  const url = webhookUrl === null ? null : webhookUrlSchema.safeParse(webhookUrl);
  if (url && !url.success) throw new DomainError("validation:webhook_url", "Give an http(s) URL for the webhook.");
  if (url) await checkWebhookTarget(url.data, { allowUnresolvable: true });
  const webhookSecret = url ? generateWebhookSecret() : null;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(apiClients).where(eq(apiClients.id, clientId)).for("update");
    checkManager(by, current);
    const [client] = await tx
      .update(apiClients)
      .set({ webhookUrl: url ? url.data : null, webhookSecret })
      .where(eq(apiClients.id, clientId))
      .returning();
    if (url) await startRelayAtHead(tx, client);
    await alsoInTx?.(tx, current);
    return { webhookSecret };
  });
}

/** A new webhook receives events from now on; older ones can be read with GET /api/v1/events. */
async function startRelayAtHead(tx: Tx, client: ApiClient) {
  const head = await readVisibleHead(tx, client.centerIds);
  const position = { afterTxid: head?.txid ?? null, afterId: head?.id ?? null, attempts: 0, nextAttemptAt: null, lastError: null };
  await tx
    .insert(webhookRelayPositions)
    .values({ apiClientId: client.id, ...position })
    .onConflictDoUpdate({ target: webhookRelayPositions.apiClientId, set: position });
}

/** Revokes a client: its token stops working at once. Revoking twice is harmless. */
export async function revokeApiClient(db: Db, by: ClientManager, clientId: string): Promise<ApiClient> {
  const [client] = await db.select().from(apiClients).where(eq(apiClients.id, clientId));
  checkManager(by, client);
  if (client.revokedAt) return client;
  const [revoked] = await db
    .update(apiClients)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiClients.id, clientId), isNull(apiClients.revokedAt)))
    .returning();
  return revoked ?? client;
}

/** API clients, optionally only those allowed into one center; never includes token or secret. */
export async function listApiClients(db: Db, options: { centerId?: string } = {}) {
  const rows = await db.select().from(apiClients).orderBy(asc(apiClients.createdAt));
  return rows
    .filter((c) => !options.centerId || c.centerIds.includes(options.centerId))
    .map(({ tokenHash: _hash, webhookSecret: _secret, ...rest }) => rest);
}

/** Resolves an `Authorization: Bearer <token>` header to its client, or refuses with 401. */
export async function authenticateApiRequest(db: Db, authorization: string | null | undefined): Promise<ApiCaller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) {
    throw new DomainError("unauthorized:missing_token", "Send your API token as 'Authorization: Bearer <token>'.");
  }
  const [client] = await clientByTokenHash(db, { tokenHash: hashApiToken(match[1]) });
  if (!client) throw new DomainError("unauthorized:invalid_token", "This API token is not valid.");
  if (client.revokedAt) throw new DomainError("unauthorized:revoked_token", "This API token was revoked.");
  return { id: client.id, name: client.name, centerIds: client.centerIds };
}

/** Every /api/v1 request's read of its caller: only what the check needs, its SQL built once (db/reusable-query.ts). */
const clientByTokenHash = reusableQuery((q) =>
  q
    .select({ id: apiClients.id, name: apiClients.name, centerIds: apiClients.centerIds, revokedAt: apiClients.revokedAt })
    .from(apiClients)
    .where(eq(apiClients.tokenHash, sql.placeholder("tokenHash"))),
);
