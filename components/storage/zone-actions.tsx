"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";

/** A manager's small actions: a zone's pick-path order, and deactivating/activating one bin. */
export function ZonePathButtons({ zoneCode }: { zoneCode: string }) {
  const t = useTranslations("storage.bins");
  const errorText = useErrorText();
  const router = useRouter();
  const [note, setNote] = useState<string | null>(null);
  const set = async (style: "serpentine" | "straight") => {
    try {
      await apiFetch("/api/station/storage/bins/path", { body: { zoneCode, style } });
      setNote(t(`path_${style}`));
      router.refresh();
    } catch (error) {
      setNote(errorText(error));
    }
  };
  return (
    <span className="row">
      <button type="button" className="button" onClick={() => void set("serpentine")}>{t("pathSerpentine")}</button>
      <button type="button" className="button" onClick={() => void set("straight")}>{t("pathStraight")}</button>
      {note && <span className="muted">{note}</span>}
    </span>
  );
}

export function BinActiveForm() {
  const t = useTranslations("storage.bins");
  const errorText = useErrorText();
  const router = useRouter();
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async (active: boolean) => {
    try {
      const bin = await apiFetch<{ code: string; active: boolean }>("/api/station/storage/bins/active", { body: { binCode: code, active } });
      setMessage({ ok: true, text: bin.active ? t("activated", { bin: bin.code }) : t("deactivated", { bin: bin.code }) });
      router.refresh();
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };
  return (
    <div className="card form">
      <h2>{t("activeTitle")}</h2>
      <label className="field">
        {t("binCode")}
        <input value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} placeholder="BIN-A-01-01-1" />
      </label>
      <div className="row">
        <button type="button" className="button button--danger" onClick={() => void send(false)}>{t("deactivate")}</button>
        <button type="button" className="button" onClick={() => void send(true)}>{t("activate")}</button>
      </div>
      {message && <p className={`alert ${message.ok ? "alert--ok" : "alert--error"}`} role="status">{message.text}</p>}
    </div>
  );
}
