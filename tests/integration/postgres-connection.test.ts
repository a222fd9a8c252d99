import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/open-db";
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
