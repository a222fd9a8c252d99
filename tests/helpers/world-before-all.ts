import { beforeAll } from "vitest";
import type { Db } from "@/db/client";

/**
 * The world a suite's tests share, made once in beforeAll on the suite's database:
 * `const c = worldBeforeAll(use, inspectionCenter)`, then `c.manager` in the tests. The object
 * reads through to the world once it is made; touching it earlier (in the describe body) throws.
 */
export function worldBeforeAll<W extends object>(use: () => Db, make: (db: Db) => Promise<W>): W {
  let world: W | undefined;
  beforeAll(async () => {
    world = await make(use());
  });
  return new Proxy({} as W, {
    get(_target, prop) {
      if (!world) throw new Error("the world is made in beforeAll: use it inside a test");
      return Reflect.get(world, prop, world);
    },
  });
}
