/**
 * Server-side command line for set-up and scripts: `npm run legit -- <command> …`.
 *
 *   api-client create --center <code>[,<code>…] --name <name> [--webhook <url>]   prints the token once
 *   api-client list [--center <code>]
 *   api-client revoke <id or token prefix>
 *
 * Uses DATABASE_URL, or the embedded database (stop the app first: only one process may open it).
 */
import { inArray } from "drizzle-orm";
import { embeddedDataDir, openDb, type Db } from "@/db/open-db";
import { centers } from "@/db/schema";
import { createApiClient, listApiClients, revokeApiClient } from "@/lib/api/api-clients";
import { isDomainError } from "@/lib/errors/domain-error";

type Args = { positional: string[]; flags: Record<string, string> };

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const [key, inline] = arg.slice(2).split("=", 2);
      flags[key] = inline ?? (argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : "true");
    } else positional.push(arg);
  }
  return { positional, flags };
}

const usage = `Usage: npm run legit -- <command>

  api-client create --center <code>[,<code>…] --name <name> [--webhook <url>]
      Makes an API client for the marketplace and prints its token (shown only this once).
  api-client list [--center <code>]
  api-client revoke <id or token prefix>
`;

class UsageError extends Error {}

async function centerIdsByCode(db: Db, codes: string[]): Promise<{ id: string; code: string }[]> {
  const rows = await db.select({ id: centers.id, code: centers.code }).from(centers).where(inArray(centers.code, codes));
  const missing = codes.filter((code) => !rows.some((r) => r.code === code));
  if (missing.length) throw new UsageError(`No center with code ${missing.join(", ")}.`);
  return rows;
}

async function apiClientCommand(db: Db, args: Args): Promise<void> {
  const [, action, target] = args.positional;
  if (action === "create") {
    const codes = (args.flags.center ?? "").split(",").map((c) => c.trim()).filter(Boolean);
    const name = args.flags.name;
    if (!codes.length || !name || name === "true") throw new UsageError("api-client create needs --center <code> and --name <name>.");
    const found = await centerIdsByCode(db, codes);
    const { client, token, webhookSecret } = await createApiClient(db, {
      name,
      centerIds: found.map((c) => c.id),
      webhookUrl: args.flags.webhook,
    });
    console.log(`Created API client "${client.name}" (${client.id}) for ${codes.join(", ")}.`);
    console.log(`\nToken (shown only now; store it safely):\n\n  ${token}\n`);
    if (webhookSecret) console.log(`Webhook signing secret (shown only now):\n\n  ${webhookSecret}\n`);
    return;
  }
  if (action === "list") {
    const center = args.flags.center ? (await centerIdsByCode(db, [args.flags.center]))[0] : undefined;
    const all = await db.select({ id: centers.id, code: centers.code }).from(centers);
    const codeOf = new Map(all.map((c) => [c.id, c.code]));
    const clients = await listApiClients(db, { centerId: center?.id });
    if (!clients.length) console.log("No API clients.");
    for (const c of clients) {
      const status = c.revokedAt ? `revoked ${c.revokedAt.toISOString()}` : "active";
      const hook = c.webhookUrl ? ` webhook=${c.webhookUrl}` : "";
      console.log(`${c.id}  ${c.tokenPrefix}…  ${c.name}  centers=${c.centerIds.map((id) => codeOf.get(id) ?? id).join(",")}  ${status}${hook}`);
    }
    return;
  }
  if (action === "revoke") {
    if (!target) throw new UsageError("api-client revoke needs the client's id or token prefix.");
    const clients = await listApiClients(db);
    const matches = clients.filter((c) => c.id === target || (target.length >= 8 && c.tokenPrefix.startsWith(target)));
    if (matches.length !== 1) throw new UsageError(matches.length ? `"${target}" matches ${matches.length} clients; use the id.` : `No API client "${target}".`);
    const revoked = await revokeApiClient(db, "console", matches[0].id);
    console.log(`Revoked "${revoked.name}" (${revoked.id}). Its token no longer works.`);
    return;
  }
  throw new UsageError(`Unknown api-client command "${action ?? ""}".`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.positional[0] !== "api-client" || args.flags.help) {
    console.log(usage);
    process.exit(args.flags.help ? 0 : 1);
  }
  const url = process.env.DATABASE_URL;
  const handle = await openDb(url ? { url, max: 2 } : { dataDir: embeddedDataDir() });
  try {
    await apiClientCommand(handle.db, args);
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  if (error instanceof UsageError || isDomainError(error)) {
    console.error(`${error.message}\n\n${usage}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
