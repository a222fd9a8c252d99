import type { Tx } from "@/db/client";
import { isUniqueViolation } from "./guards";
import { generateItemCode } from "@/lib/scan-codes/item-code";

/**
 * Runs `work` with a newly generated item code, inside a savepoint: if the code is already taken
 * (the unique index on items.code says so; 50 random bits make it very rare) only the savepoint is
 * rolled back and the work is retried with another code.
 */
export async function withFreshItemCode<T>(
  tx: Tx,
  work: (code: string, tx: Tx) => Promise<T>,
  generate: () => string = generateItemCode,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const code = generate();
    try {
      return await tx.transaction((savepoint) => work(code, savepoint));
    } catch (error) {
      if (attempt < attempts && isUniqueViolation(error, "items_code_idx")) continue;
      throw error;
    }
  }
}
