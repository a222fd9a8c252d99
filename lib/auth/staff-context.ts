import type { Role } from "@/db/schema/users";

/** The signed-in staff member on whose behalf domain functions act; always center-scoped. */
export type StaffContext = {
  userId: string;
  centerId: string;
  role: Role;
  /** The station (tablet/desk) name, for the audit trail. */
  station?: string;
  /** When the person made the scan, for an action sent later from a station's offline queue (lib/offline/scanned-at.ts). */
  scannedAt?: Date;
};

export const roleRank: Record<Role, number> = {
  operator: 1,
  inspector: 1,
  senior_inspector: 2,
  manager: 3,
  admin: 4,
};

/**
 * Admins may do everything; managers everything but admin-only work; a senior inspector may do
 * what an inspector does.
 */
export function hasRole(actual: Role, allowed: readonly Role[]): boolean {
  if (allowed.includes(actual) || actual === "admin") return true;
  if (actual === "manager") return allowed.some((role) => role !== "admin");
  return actual === "senior_inspector" && allowed.includes("inspector");
}
