import postgres from "postgres";

/** Where postgres.js connects for a URL: the URL it can read, and a Unix socket's directory when the URL names one. */
export type PostgresTarget = { url: string; socketDir?: string };

/**
 * Reads a PostgreSQL URL the way libpq does for Unix sockets, which postgres.js (3.4) does not: a
 * socket directory given as `?host=/dir` (`postgres://user@/db?host=/run/postgresql`, optionally
 * `&port=5433`) or as a percent-encoded host (`postgres://user@%2Frun%2Fpostgresql/db`). postgres.js
 * would send `host` to the server as a setting (refused) and cannot parse an empty host; it takes the
 * directory as its `host` option and connects to `<dir>/.s.PGSQL.<port>`. A URL without a socket is
 * returned as it is (TCP).
 */
export function postgresTarget(url: string): PostgresTarget {
  const match = /^(postgres(?:ql)?:\/\/)([^/?#]*)([^?#]*)(?:\?([^#]*))?$/.exec(url);
  if (!match) return { url };
  const [, scheme, authority, path, query = ""] = match;
  const at = authority.lastIndexOf("@");
  const userinfo = at >= 0 ? authority.slice(0, at + 1) : "";
  const hostPort = authority.slice(at + 1);
  const portMatch = /:(\d+)$/.exec(hostPort);
  const host = decodeURIComponent(portMatch ? hostPort.slice(0, portMatch.index) : hostPort);
  const params = new URLSearchParams(query);
  const hostParam = params.get("host");
  const socketDir = hostParam?.startsWith("/") ? hostParam : host.startsWith("/") ? host : undefined;
  if (!socketDir) return { url };
  const port = params.get("port") ?? portMatch?.[1];
  params.delete("host");
  params.delete("port");
  const rest = params.toString();
  // The host part only keeps the URL parseable; the socket directory decides where it connects.
  return { url: `${scheme}${userinfo}localhost${port ? `:${port}` : ""}${path}${rest ? `?${rest}` : ""}`, socketDir };
}

/** A postgres.js client for a URL, over a Unix socket when the URL names one (postgresTarget), else TCP. */
export function connectPostgres(url: string, options: postgres.Options<Record<string, postgres.PostgresType>> = {}): postgres.Sql {
  const target = postgresTarget(url);
  return postgres(target.url, { ...options, ...(target.socketDir ? { host: target.socketDir } : {}) });
}
