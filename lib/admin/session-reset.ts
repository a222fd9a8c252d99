import type { Tx } from "@/db/client";
import { bumpSessionVersion } from "@/lib/auth/session-version";

/**
 * Ends a person's signed-in sessions after a role change, a move to another center, a credential
 * reset or deactivation: their session version moves on, so every old cookie stops working.
 */
export async function afterCredentialChange(tx: Tx, userId: string): Promise<void> {
  await bumpSessionVersion(tx, userId);
}
