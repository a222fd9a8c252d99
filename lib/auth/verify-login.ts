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

const lockedError = (lockedUntil?: Date | null) =>
  new DomainError(
    "locked:account",
    "Too many wrong tries: this account is locked for a while. Ask a manager or try later.",
    lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : undefined,
  );

/**
 * Counts the attempt and checks the lock in one locked statement, before any hash is compared:
 * the row lock of the UPDATE orders concurrent tries, each gets its own number, and only the first
 * `maxFailedAttempts` of a window may compare a secret at all. A try past them (or while locked)
 * locks the account and is refused unchecked, so parallel guesses cannot outrun the lock.
 * Returns the attempt's number in the current window, or null when the account is locked.
 */
async function countAttempt(db: Db, userId: string, now: Date): Promise<{ attempt: number } | { lockedUntil: Date }> {
  const nowIso = now.toISOString();
  const lockUntil = new Date(now.getTime() + lockoutMinutes * 60_000).toISOString();
  const stillLocked = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} > ${nowIso}::timestamptz)`;
  const expired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${nowIso}::timestamptz)`;
  const attempt = sql`(case when ${expired} then 1 else ${users.failedAttempts} + 1 end)`;
  const [row] = await db
    .update(users)
    .set({
      failedAttempts: sql`case when ${stillLocked} then ${users.failedAttempts} else ${attempt} end`,
      lockedUntil: sql`case when ${stillLocked} then ${users.lockedUntil}
        when ${attempt} > ${maxFailedAttempts} then ${lockUntil}::timestamptz
        when ${expired} then null else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil });
  if (!row) return { lockedUntil: new Date(lockUntil) };
  if (row.lockedUntil && row.lockedUntil > now) return { lockedUntil: row.lockedUntil };
  return { attempt: row.failedAttempts };
}

/**
 * Checks a secret against an account, with the lock-out kept in the database (so every app
 * instance sees it): the try is counted first (countAttempt), five wrong tries lock the account for
 * a while, a right one within them resets the count.
 */
async function verifyAccount(db: Db, user: User | undefined, secret: string, hash: string | null | undefined, now: Date): Promise<User> {
  if (!user || !hash || !user.active) {
    await verifySecret(secret, dummyHash);
    throw badCredentials();
  }
  const counted = await countAttempt(db, user.id, now);
  if ("lockedUntil" in counted) throw lockedError(counted.lockedUntil);
  if (await verifySecret(secret, hash)) {
    await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id));
    return user;
  }
  if (counted.attempt >= maxFailedAttempts) {
    const lockUntil = new Date(now.getTime() + lockoutMinutes * 60_000);
    await db.update(users).set({ lockedUntil: lockUntil }).where(eq(users.id, user.id));
    throw lockedError(lockUntil);
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
