"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { safeReturnPath } from "@/lib/auth/return-path";

export type LoginState = { error?: "credentials" | "locked" | "invalid" | "unknown" };

/** Signs in with the chosen method; on success Auth.js redirects, on failure we name the reason. */
export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const method = formData.get("method") === "password" ? "password" : "badge";
  const fields =
    method === "password"
      ? { email: formData.get("email"), password: formData.get("password") }
      : { badge: formData.get("badge"), pin: formData.get("pin") };
  try {
    // Back to the page that asked for the sign-in (e.g. a station whose offline scans wait), if it is ours.
    await signIn(method, { ...fields, redirectTo: safeReturnPath(formData.get("next")) });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const code = error.code === "locked" || error.code === "invalid" ? error.code : "credentials";
      return { error: code };
    }
    if (error instanceof AuthError) return { error: "unknown" };
    throw error; // the redirect after a successful sign-in
  }
}
