/**
 * Where to go after signing in: a path on this site only (`/pack`, `/items/IT…?tab=x`), never
 * another origin (`//evil.example`, `/\evil.example`, `https://…`), so the sign-in page cannot be
 * used to send someone elsewhere. Anything else goes home.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 500) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Control characters and backslashes have no place in our paths (browsers read "\" as "/").
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/login/")) return "/";
  return value;
}
