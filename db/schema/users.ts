import { index, integer, pgTable, text, timestamp, uuid, boolean } from "drizzle-orm/pg-core";
import { centers } from "./centers";

export const roles = ["operator", "inspector", "senior_inspector", "manager", "admin"] as const;
export type Role = (typeof roles)[number];

export const locales = ["ko", "en"] as const;
export type Locale = (typeof locales)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    name: text("name").notNull(),
    role: text("role").$type<Role>().notNull(),
    /** Managers and admins sign in with e-mail and password. */
    email: text("email").unique(),
    passwordHash: text("password_hash"),
    /** Operators and inspectors sign in on shared tablets with badge + PIN. */
    badgeCode: text("badge_code").unique(),
    pinHash: text("pin_hash"),
    locale: text("locale").$type<Locale>().notNull().default("ko"),
    active: boolean("active").notNull().default(true),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /**
     * Sessions carry the version they were issued at; bumping it (sign-out, PIN or password reset,
     * role change: bumpSessionVersion) ends every session of the user at their next request.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("users_center_idx").on(t.centerId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
