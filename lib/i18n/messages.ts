import type { Locale } from "./config";
import enCommon from "@/messages/en/common.json";
import koCommon from "@/messages/ko/common.json";
import enReceiving from "@/messages/en/receiving.json";
import koReceiving from "@/messages/ko/receiving.json";
import enInspection from "@/messages/en/inspection.json";
import koInspection from "@/messages/ko/inspection.json";
import enDesk from "@/messages/en/desk.json";
import koDesk from "@/messages/ko/desk.json";
import enAdmin from "@/messages/en/admin.json";
import koAdmin from "@/messages/ko/admin.json";

/** One file per screen area and language, so areas can grow without touching each other. */
const messages = {
  en: { ...enCommon, receiving: enReceiving, inspection: enInspection, desk: enDesk, admin: enAdmin },
  ko: { ...koCommon, receiving: koReceiving, inspection: koInspection, desk: koDesk, admin: koAdmin },
} as const;

export type Messages = (typeof messages)["en"];

export function messagesFor(locale: Locale): Messages {
  return messages[locale] as Messages;
}
