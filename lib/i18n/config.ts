import { locales, type Locale } from "@/db/schema/users";

export { locales, type Locale };
export const defaultLocale: Locale = "ko";
/** The user's language choice is kept in this cookie (and on their account when signed in). */
export const localeCookie = "NEXT_LOCALE";

export function toLocale(value: string | undefined | null): Locale {
  return (locales as readonly string[]).includes(value ?? "") ? (value as Locale) : defaultLocale;
}
