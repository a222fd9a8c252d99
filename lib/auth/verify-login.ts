import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { dummyHash, verifySecret } from "./password-hash";

export const maxFailedAttempts = 5;
export const lockoutMinutes = 15;

export const passwordLoginSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address."),
  password: z.string().min(1, "Enter your password.").max(200),
});

export const badgeLoginSchema = z.object({
  badge: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^EMP-\d{1,12}$/, "Scan your badge (EMP-…)."),
  pin: z.string().regex(/^\d{4,8}$/, "The PIN is 4 to 8 digits."),
});

const badCredentials = () => new DomainError("unauthorized:credentials", "Wrong sign-in details.");

/**
 * Checks a secret against an account and keeps the lock-out count in the database (so every app
 * instance sees it). Five wrong tries lock the account for a while; a right one resets the count.
 */
async function verifyAccount(db: Db, user: User | undefined, secret: string, hash: string | null | undefined, now: Date): Promise<User> {
  if (!user || !hash || !user.active) {
    await verifySecret(secret, dummyHash);
    throw badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new DomainError("locked:account", "Too many wrong tries: this account is locked for a while. Ask a manager or try later.", {
      lockedUntil: user.lockedUntil.toISOString(),
    });
  }
  if (await verifySecret(secret, hash)) {
    if (user.failedAttempts > 0 || user.lockedUntil) {
      await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id));
    }
    return user;
  }
  // One atomic update, so concurrent wrong tries from several stations all count.
  const lockUntil = new Date(now.getTime() + lockoutMinutes * 60_000);
  const expired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`;
  const newCount = sql`(case when ${expired} then 1 else ${users.failedAttempts} + 1 end)`;
  const [after] = await db
    .update(users)
    .set({
      failedAttempts: newCount,
      lockedUntil: sql`case when ${newCount} >= ${maxFailedAttempts} then ${lockUntil.toISOString()}::timestamptz when ${expired} then null else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, user.id))
    .returning({ lockedUntil: users.lockedUntil });
  if (after?.lockedUntil && after.lockedUntil > now) {
    throw new DomainError("locked:account", "Too many wrong tries: this account is locked for a while. Ask a manager or try later.");
  }
  throw badCredentials();
}

export async function verifyPasswordLogin(db: Db, input: z.infer<typeof passwordLoginSchema>, now = new Date()): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  return verifyAccount(db, user, input.password, user?.passwordHash, now);
}

export async function verifyBadgeLogin(db: Db, input: z.infer<typeof badgeLoginSchema>, now = new Date()): Promise<User> {
  const [user] = await db.select().from(users).where(and(eq(users.badgeCode, input.badge)));
  return verifyAccount(db, user, input.pin, user?.pinHash, now);
}
