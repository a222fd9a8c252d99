"use server";

import { signOut } from "@/auth";
import { getDb } from "@/db/client";
import { currentStaff } from "@/lib/auth/current-staff";
import { bumpSessionVersion } from "@/lib/auth/session-version";

/** Signs out for real: the session version is bumped, so the old cookie is worthless even if kept. */
export async function signOutAction() {
  const staff = await currentStaff();
  if (staff) await bumpSessionVersion(await getDb(), staff.user.id);
  await signOut({ redirectTo: "/login" });
}
