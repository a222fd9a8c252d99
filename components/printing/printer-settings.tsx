"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ApiError, apiFetch, stationId } from "@/components/http/api-fetch";

function errorText(e: unknown): string {
  return e instanceof ApiError && e.message ? e.message : String(e);
}

/** Sets a station's network printer; the station field starts with this browser's station id. */
export function PrinterForm() {
  const t = useTranslations("printing.printers");
  const router = useRouter();
  const [here, setHere] = useState("");
  const [station, setStation] = useState("");
  const [host, setHost] = useState("");
  const [port, setPort] = useState("9100");
  const [dotsPerMm, setDotsPerMm] = useState("8");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
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
        try {
          await apiFetch("/api/station/printers", { body: { station, host, port, dotsPerMm } });
          setMessage({ ok: true, text: t("saved") });
          router.refresh();
        } catch (error) {
          setMessage({ ok: false, text: errorText(error) });
        }
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
        <button type="submit" className="button button--primary">
          {t("save")}
        </button>
        {message && <span className={message.ok ? "alert alert--ok" : "alert alert--error"}>{message.text}</span>}
      </div>
    </form>
  );
}

export function RemovePrinterButton({ station }: { station: string }) {
  const t = useTranslations("printing.printers");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="row">
      <button
        type="button"
        className="button"
        onClick={async () => {
          try {
            await apiFetch("/api/station/printers/remove", { body: { station } });
            router.refresh();
          } catch (e) {
            setError(errorText(e));
          }
        }}
      >
        {t("remove")}
      </button>
      {error && <span className="alert alert--error">{error}</span>}
    </div>
  );
}
