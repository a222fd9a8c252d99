import type { Tx } from "@/db/client";
import { bumpSessionVersion } from "@/lib/auth/session-version";

/**
 * Ends a person's signed-in sessions after a role change, credential reset or deactivation: the
 * session version is bumped in the same transaction, so every cookie issued before is refused at
 * its next request (lib/auth/current-staff.ts).
 */
export async function afterCredentialChange(tx: Tx, userId: string): Promise<void> {
  await bumpSessionVersion(tx, userId);
}
