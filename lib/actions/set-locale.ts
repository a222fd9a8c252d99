"use server";

import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { currentStaff } from "@/lib/auth/current-staff";
import { localeCookie, toLocale } from "@/lib/i18n/config";

/** Keeps the language choice on this device and, when signed in, on the account. */
export async function setLocaleAction(value: string) {
  const locale = toLocale(value);
  const store = await cookies();
  store.set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  const staff = await currentStaff();
  if (staff) {
    const db = await getDb();
    await db.update(users).set({ locale }).where(eq(users.id, staff.user.id));
  }
}
