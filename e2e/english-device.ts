/**
 * Every test starts on a device whose language cookie says English. The demo accounts are shared by
 * tests running in parallel and keep the last language any test chose; without this a test that
 * switched to Korean leaks its choice into the next one. Tests that want Korean call switchLocale,
 * or start on a Korean device (`test.use({ storageState: deviceIn("ko") })`).
 * Contexts made by hand with browser.newContext() do not inherit it: pass `storageState: englishDevice`.
 */
export function deviceIn(locale: "en" | "ko") {
  return {
    cookies: [{ name: "NEXT_LOCALE", value: locale, domain: "127.0.0.1", path: "/", expires: -1, httpOnly: false, secure: false, sameSite: "Lax" as const }],
    origins: [],
  };
}

export const englishDevice = deviceIn("en");
