import type { Formats } from "next-intl";

/**
 * Named date/time formats, used as `format.dateTime(date, "dateTime")`. A 24-hour clock
 * everywhere (no "AM"/"오후" on a warehouse floor) and always in the center's time zone
 * (request.ts sets it from the signed-in user's center).
 */
export const formats = {
  dateTime: {
    dateTime: { dateStyle: "short", timeStyle: "short", hourCycle: "h23" },
    date: { dateStyle: "medium" },
    dateTimeMedium: { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" },
    time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
    timeSeconds: { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
  },
} satisfies Formats;
