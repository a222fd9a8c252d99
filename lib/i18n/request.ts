import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentStaff } from "@/lib/auth/current-staff";
import { localeCookie, toLocale } from "./config";
import { formats } from "./formats";
import { messagesFor } from "./messages";

/**
 * Locale: the cookie set by the language switch (the user's own choice), else the account's
 * language. Times are shown in the signed-in user's center time zone.
 */
export default getRequestConfig(async () => {
  const store = await cookies();
  const staff = await currentStaff();
  const locale = toLocale(store.get(localeCookie)?.value ?? staff?.user.locale);
  return {
    locale,
    messages: messagesFor(locale),
    formats,
    timeZone: staff?.center.timezone ?? "Asia/Seoul",
  };
});
