"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";

/** A manager's small actions: a zone's pick-path order, and deactivating/activating one bin. */
export function ZonePathButtons({ zoneCode }: { zoneCode: string }) {
  const t = useTranslations("storage.bins");
  const router = useRouter();
  const action = useStationAction();
  const set = (style: "serpentine" | "straight") =>
    void action.run(`path:${zoneCode}:${style}`, (scanId) => apiFetch("/api/station/storage/bins/path", { body: { zoneCode, style }, scanId }), {
      answer: () => {
        router.refresh();
        return { tone: "success", message: t(`path_${style}`) };
      },
    });
  return (
    <span className="row">
      <button type="button" className="button" disabled={action.busy !== null} onClick={() => set("serpentine")}>{t("pathSerpentine")}</button>
      <button type="button" className="button" disabled={action.busy !== null} onClick={() => set("straight")}>{t("pathStraight")}</button>
      <ActionAnswer answer={action.answer} />
    </span>
  );
}

export function BinActiveForm() {
  const t = useTranslations("storage.bins");
  const router = useRouter();
  const [code, setCode] = useState("");
  const action = useStationAction();
  const send = (active: boolean) =>
    void action.run(`active:${code}:${active}`, (scanId) => apiFetch<{ code: string; active: boolean }>("/api/station/storage/bins/active", { body: { binCode: code, active }, scanId }), {
      answer: (bin) => {
        router.refresh();
        return { tone: "success", message: bin.active ? t("activated", { bin: bin.code }) : t("deactivated", { bin: bin.code }) };
      },
    });
  return (
    <div className="card form">
      <h2>{t("activeTitle")}</h2>
      <label className="field">
        {t("binCode")}
        <input value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} placeholder="BIN-A-01-01-1" />
      </label>
      <div className="row">
        <button type="button" className="button button--danger" disabled={action.busy !== null} onClick={() => send(false)}>{t("deactivate")}</button>
        <button type="button" className="button" disabled={action.busy !== null} onClick={() => send(true)}>{t("activate")}</button>
      </div>
      <ActionAnswer answer={action.answer} />
    </div>
  );
}
