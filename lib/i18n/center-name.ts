import type { Center } from "@/db/schema";

type Translator = { has(key: string): boolean; (key: string): string };

/** A center's name in the user's language (`centers.<code>` in common.json), else its stored name. */
export function centerName(t: Translator, center: Pick<Center, "code" | "name">): string {
  const key = `centers.${center.code}`;
  return t.has(key) ? t(key) : center.name;
}

/** "Korean Standard Time" / "한국 표준시": the center's time zone in the user's language. */
export function timeZoneName(locale: string, timeZone: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "long" })
    .formatToParts(new Date())
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}
