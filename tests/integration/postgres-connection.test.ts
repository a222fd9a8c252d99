import { existsSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDb, type DbHandle } from "@/db/open-db";
import { connectPostgres, postgresTarget } from "@/db/postgres-target";
import { dbKinds, freshDb } from "../helpers/databases";

// The app's PostgreSQL connections are set for short statements (db/open-db.ts).
describe.runIf(dbKinds().includes("postgres"))("the app's PostgreSQL connections", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDb("postgres");
  });
  afterAll(() => handle?.close());

  it("run without JIT compilation, which cost more than the desk's queries themselves", async () => {
    const rows = await handle.db.execute(sql`show jit`);
    expect((rows as unknown as { jit: string }[])[0].jit).toBe("off");
  });
});

describe("a Unix socket named in the database URL, as libpq names it (db/postgres-target.ts)", () => {
  it("reads `?host=/dir` and a percent-encoded directory as the socket, with the port from the URL or `?port=`", () => {
    expect(postgresTarget("postgres://app@/legit?host=/run/postgresql")).toEqual({ url: "postgres://app@localhost/legit", socketDir: "/run/postgresql" });
    expect(postgresTarget("postgres://app:s%40cret@/legit?host=/tmp/pg&port=5433&sslmode=disable")).toEqual({
      url: "postgres://app:s%40cret@localhost:5433/legit?sslmode=disable",
      socketDir: "/tmp/pg",
    });
    expect(postgresTarget("postgresql://app@%2Fvar%2Frun%2Fpostgresql:5434/legit")).toEqual({ url: "postgresql://app@localhost:5434/legit", socketDir: "/var/run/postgresql" });
    expect(postgresTarget("postgres:///legit?host=/run/postgresql")).toEqual({ url: "postgres://localhost/legit", socketDir: "/run/postgresql" });
  });

  it("leaves a TCP URL as it is", () => {
    for (const url of ["postgres://app:pw@db.example:5432/legit", "postgres://app@127.0.0.1:3901/legit?application_name=x", "postgres://app@localhost/legit?host=db.example"]) {
      expect(postgresTarget(url)).toEqual({ url });
    }
  });

  describe.runIf(dbKinds().includes("postgres"))("against the test server", () => {
    let socketUrl: string | undefined;
    beforeAll(async () => {
      // The test cluster (scripts/pg-cluster.ts) listens on a socket in its directory too.
      const serverUrl = inject("pgServerUrl");
      const admin = connectPostgres(serverUrl, { max: 1, onnotice: () => {} });
      const [{ dirs, port }] = await admin`select current_setting('unix_socket_directories') as dirs, current_setting('port') as port`;
      await admin.end();
      const dir = String(dirs).split(",")[0].trim();
      if (dir && existsSync(`${dir}/.s.PGSQL.${port}`)) {
        socketUrl = `${serverUrl.replace(/@[^/]*\//, "@/")}?host=${encodeURIComponent(dir)}&port=${port}`;
      }
    });

    it("connects the app's database over the socket (the server sees no TCP peer), and TCP URLs still over TCP", async (ctx) => {
      if (!socketUrl) ctx.skip();
      const overSocket = await openDb({ url: socketUrl!, migrate: false });
      const overTcp = await openDb({ url: inject("pgServerUrl"), migrate: false });
      try {
        const peer = async (h: DbHandle) => ((await h.db.execute(sql`select host(inet_server_addr()) as addr`)) as unknown as { addr: string | null }[])[0].addr;
        expect(await peer(overSocket)).toBeNull();
        expect(await peer(overTcp)).toBe("127.0.0.1");
      } finally {
        await overSocket.close();
        await overTcp.close();
      }
    });
  });
});
