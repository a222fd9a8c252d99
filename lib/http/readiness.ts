import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** Whether the database answers a trivial query within `timeoutMs`. */
export async function databaseReachable(db: () => Promise<Db>, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = (async () => {
    try {
      await (await db()).execute(sql`select 1`);
      return true;
    } catch {
      return false;
    }
  })();
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
