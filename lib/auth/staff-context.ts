import type { Role } from "@/db/schema/users";

/** The signed-in staff member on whose behalf domain functions act; always center-scoped. */
export type StaffContext = {
  userId: string;
  centerId: string;
  role: Role;
  /** The station (tablet/desk) name, for the audit trail. */
  station?: string;
};

export const roleRank: Record<Role, number> = {
  operator: 1,
  inspector: 1,
  senior_inspector: 2,
  manager: 3,
  admin: 4,
};

/** Managers and admins may do what floor roles do; a senior inspector may do what an inspector does. */
export function hasRole(actual: Role, allowed: readonly Role[]): boolean {
  if (allowed.includes(actual)) return true;
  if (actual === "admin" || actual === "manager") return true;
  return actual === "senior_inspector" && allowed.includes("inspector");
}
