import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "@/db/client";
import { centers, locales, roles, users, type Role, type User } from "@/db/schema";
import { hashSecret } from "@/lib/auth/password-hash";
import { requireRole } from "@/lib/auth/require-role";
import type { StaffContext } from "@/lib/auth/staff-context";
import { isUniqueViolation } from "@/lib/errors/db-errors";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/errors/parse-input";
import { recordAdminEvent } from "./admin-events";
import { afterCredentialChange } from "./session-reset";

/** Floor staff sign in at tablets with badge + PIN; managers and admins with e-mail + password. */
const floorRoles: readonly Role[] = ["operator", "inspector", "senior_inspector"];
export const isFloorRole = (role: Role) => floorRoles.includes(role);

const badge = z.string().trim().toUpperCase().regex(/^EMP-\d{1,12}$/, "A badge code is EMP- and digits.");
const pin = z.string().regex(/^\d{4,8}$/, "The PIN is 4 to 8 digits.");
const email = z.string().trim().toLowerCase().email("Enter a valid e-mail address.");
const password = z.string().min(10, "A password has at least 10 characters.").max(200);
const name = z.string().trim().min(1).max(100);

export const createStaffSchema = z
  .object({
    name,
    role: z.enum(roles),
    centerId: z.uuid().optional(),
    locale: z.enum(locales).default("ko"),
    badgeCode: badge.optional(),
    pin: pin.optional(),
    email: email.optional(),
    password: password.optional(),
  })
  .superRefine((v, ctx) => {
    const floor = isFloorRole(v.role);
    if (floor && !v.badgeCode) ctx.addIssue({ code: "custom", path: ["badgeCode"], message: "Floor staff need a badge." });
    if (floor && !v.pin) ctx.addIssue({ code: "custom", path: ["pin"], message: "Floor staff need a PIN." });
    if (!floor && !v.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Managers and admins need an e-mail address." });
    if (!floor && !v.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Managers and admins need a password." });
  });

export const updateStaffSchema = z.object({
  name: name.optional(),
  role: z.enum(roles).optional(),
  centerId: z.uuid().optional(),
  locale: z.enum(locales).optional(),
  badgeCode: badge.nullable().optional(),
  email: email.nullable().optional(),
  active: z.boolean().optional(),
});

export const resetCredentialSchema = z.union([z.strictObject({ pin }), z.strictObject({ password })]);

export type StaffRow = Pick<User, "id" | "name" | "role" | "centerId" | "badgeCode" | "email" | "locale" | "active" | "createdAt"> & {
  centerName: string;
  centerCode: string;
  lockedUntil: Date | null;
};

/** Staff of the center (an admin sees every center's), by name. */
export async function listStaff(q: Queryable, ctx: StaffContext): Promise<StaffRow[]> {
  return q
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      centerId: users.centerId,
      centerName: centers.name,
      centerCode: centers.code,
      badgeCode: users.badgeCode,
      email: users.email,
      locale: users.locale,
      active: users.active,
      lockedUntil: users.lockedUntil,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(centers, eq(centers.id, users.centerId))
    .where(ctx.role === "admin" ? undefined : eq(users.centerId, ctx.centerId))
    .orderBy(asc(centers.name), asc(users.name));
}

/**
 * Who may manage whom: an admin anyone anywhere; a manager the floor staff of their own center
 * (never managers, admins, or another center), and never themselves where it would lock them out.
 */
function checkMayManage(ctx: StaffContext, target: { role: Role; centerId: string }) {
  requireRole(ctx, ["manager"], "Only managers and admins manage staff.");
  if (ctx.role === "admin") return;
  if (target.centerId !== ctx.centerId) throw new DomainError("forbidden:center", "Staff of another center are managed by an admin.");
  if (!isFloorRole(target.role)) throw new DomainError("forbidden:staff_role", "Only an admin can manage managers and admins.", { role: target.role });
}

function uniqueConflict(error: unknown, input: { badgeCode?: string | null; email?: string | null }): never {
  if (isUniqueViolation(error, "users_email_unique")) {
    throw new DomainError("conflict:email_taken", "Another account already uses this e-mail address.", { email: input.email ?? "" });
  }
  if (isUniqueViolation(error)) throw new DomainError("conflict:badge_taken", "Another account already has this badge.", { badge: input.badgeCode ?? "" });
  throw error;
}

async function lockUser(tx: Tx, userId: string): Promise<User> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new DomainError("not_found:user", "No such staff member.");
  return user;
}

/** Creates a staff member who can sign in at once (badge + PIN at a tablet, or e-mail + password). */
export async function createStaff(db: Db, ctx: StaffContext, input: z.input<typeof createStaffSchema>): Promise<StaffRow> {
  const data = parseInput(createStaffSchema, input);
  const centerId = data.centerId ?? ctx.centerId;
  checkMayManage(ctx, { role: data.role, centerId });
  const floor = isFloorRole(data.role);
  const [pinHash, passwordHash] = await Promise.all([floor ? hashSecret(data.pin!) : null, floor ? null : hashSecret(data.password!)]);
  try {
    return await db.transaction(async (tx) => {
      const [center] = await tx.select({ name: centers.name, code: centers.code }).from(centers).where(eq(centers.id, centerId));
      if (!center) throw new DomainError("validation:center", "One of the chosen centers does not exist.");
      const [user] = await tx
        .insert(users)
        .values({
          centerId,
          name: data.name,
          role: data.role,
          locale: data.locale,
          badgeCode: floor ? data.badgeCode : (data.badgeCode ?? null),
          pinHash,
          email: floor ? (data.email ?? null) : data.email,
          passwordHash,
        })
        .returning();
      await recordAdminEvent(tx, {
        centerId,
        actorUserId: ctx.userId,
        action: "staff_created",
        targetType: "user",
        targetId: user.id,
        details: { name: user.name, role: user.role, badgeCode: user.badgeCode, email: user.email },
      });
      return { ...user, centerName: center.name, centerCode: center.code };
    });
  } catch (error) {
    uniqueConflict(error, data);
  }
}

/**
 * Changes a staff member's name, role, center, badge, e-mail, language or whether the account is
 * active. A role change, a move to another center or a deactivation ends the person's sessions.
 */
export async function updateStaff(db: Db, ctx: StaffContext, userId: string, input: z.input<typeof updateStaffSchema>): Promise<User> {
  const data = parseInput(updateStaffSchema, input);
  try {
    return await db.transaction(async (tx) => {
      const before = await lockUser(tx, userId);
      checkMayManage(ctx, before);
      const after = { role: data.role ?? before.role, centerId: data.centerId ?? before.centerId };
      checkMayManage(ctx, after);
      if (userId === ctx.userId && (data.active === false || (data.role && data.role !== before.role))) {
        throw new DomainError("conflict:own_account", "You cannot deactivate your own account or change your own role.");
      }
      const changes = Object.fromEntries(Object.entries(data).filter(([key, value]) => value !== undefined && value !== before[key as keyof User]));
      if (Object.keys(changes).length === 0) return before;
      const [user] = await tx.update(users).set(changes).where(eq(users.id, userId)).returning();
      const details = Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, { from: before[key as keyof User], to: value }]));
      const action = data.active === false ? "staff_deactivated" : data.active === true && !before.active ? "staff_reactivated" : "staff_changed";
      await recordAdminEvent(tx, { centerId: user.centerId, actorUserId: ctx.userId, action, targetType: "user", targetId: userId, details });
      if ("role" in changes || "centerId" in changes || data.active === false) await afterCredentialChange(tx, userId);
      return user;
    });
  } catch (error) {
    uniqueConflict(error, data);
  }
}

/** Sets a new PIN (floor staff) or password (managers, admins); unlocks the account; ends its sessions. */
export async function resetCredential(db: Db, ctx: StaffContext, userId: string, input: z.input<typeof resetCredentialSchema>): Promise<void> {
  const data = parseInput(resetCredentialSchema, input);
  const hash = await hashSecret("pin" in data ? data.pin : data.password);
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    checkMayManage(ctx, user);
    const kind = "pin" in data ? "pin" : "password";
    if ((kind === "pin") !== isFloorRole(user.role)) {
      throw new DomainError("validation:credential_kind", "Floor staff have a PIN; managers and admins a password.", { kind });
    }
    await tx
      .update(users)
      .set(kind === "pin" ? { pinHash: hash, failedAttempts: 0, lockedUntil: null } : { passwordHash: hash, failedAttempts: 0, lockedUntil: null })
      .where(eq(users.id, userId));
    await recordAdminEvent(tx, { centerId: user.centerId, actorUserId: ctx.userId, action: `${kind}_reset`, targetType: "user", targetId: userId });
    await afterCredentialChange(tx, userId);
  });
}
