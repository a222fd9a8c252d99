"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { apiFetch, stationId } from "@/components/http/api-fetch";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";

/** Sets a station's network printer; the station field starts with this browser's station id. */
export function PrinterForm() {
  const t = useTranslations("printing.printers");
  const router = useRouter();
  const [here, setHere] = useState("");
  const [station, setStation] = useState("");
  const [host, setHost] = useState("");
  const [port, setPort] = useState("9100");
  const [dotsPerMm, setDotsPerMm] = useState("8");
  // One scan id per setting (retries reuse it); refusals in the user's language.
  const action = useStationAction();
  useEffect(() => {
    const id = stationId();
    setHere(id);
    setStation((s) => s || id);
  }, []);
  return (
    <form
      className="card stack"
      data-testid="printer-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const done = await action.run(
          `printer:${station}:${host}:${port}:${dotsPerMm}`,
          (scanId) => apiFetch("/api/station/printers", { body: { station, host, port, dotsPerMm }, scanId }),
          { answer: () => ({ tone: "success", message: t("saved") }) },
        );
        if (done) router.refresh();
      }}
    >
      <p className="muted" data-testid="this-station">
        {t("thisStation", { station: here })}
      </p>
      <div className="row">
        <label className="field">
          {t("station")}
          <input name="station" required value={station} onChange={(e) => setStation(e.target.value)} />
        </label>
        <label className="field">
          {t("host")}
          <input name="host" required placeholder="192.168.0.50" value={host} onChange={(e) => setHost(e.target.value)} />
        </label>
        <label className="field">
          {t("port")}
          <input name="port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />
        </label>
        <label className="field">
          {t("dpi")}
          <select name="dotsPerMm" value={dotsPerMm} onChange={(e) => setDotsPerMm(e.target.value)}>
            <option value="8">{t("dpi8")}</option>
            <option value="12">{t("dpi12")}</option>
          </select>
        </label>
      </div>
      <div className="row">
        <button type="submit" className="button button--primary" disabled={action.busy !== null}>
          {t("save")}
        </button>
        <ActionAnswer answer={action.answer} />
      </div>
    </form>
  );
}
