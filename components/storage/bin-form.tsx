"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import type { BinPreview } from "@/lib/storage/bins-admin";
import styles from "./storage.module.css";

type Range = { from: string; to: string };
const classes = ["S", "M", "L", "XL", "Q"] as const;

/** Bulk creation of bins (zone, aisle/rack/level ranges, class, capacity) with a preview first. */
export function BinForm() {
  const t = useTranslations("storage.bins");
  const errorText = useErrorText();
  const router = useRouter();
  const [zoneCode, setZoneCode] = useState("");
  const [zoneName, setZoneName] = useState("");
  const [aisles, setAisles] = useState<Range>({ from: "1", to: "1" });
  const [racks, setRacks] = useState<Range>({ from: "1", to: "10" });
  const [levels, setLevels] = useState<Range>({ from: "1", to: "4" });
  const [sizeClass, setSizeClass] = useState<(typeof classes)[number]>("S");
  const [capacity, setCapacity] = useState("6");
  const [preview, setPreview] = useState<BinPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const body = () => ({ zoneCode, zoneName: zoneName || undefined, aisles, racks, levels, sizeClass, capacity });
  const changed = () => setPreview(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  const range = (label: string, value: Range, set: (r: Range) => void, id: string) => (
    <div className="field">
      <span>{label}</span>
      <div className={styles.rangeField}>
        <input aria-label={`${label} ${t("from")}`} id={`${id}-from`} inputMode="numeric" value={value.from} onChange={(e) => { set({ ...value, from: e.target.value }); changed(); }} />
        <span>–</span>
        <input aria-label={`${label} ${t("to")}`} id={`${id}-to`} inputMode="numeric" value={value.to} onChange={(e) => { set({ ...value, to: e.target.value }); changed(); }} />
      </div>
    </div>
  );

  return (
    <form
      className="card form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => setPreview(await apiFetch<BinPreview>("/api/station/storage/bins/preview", { body: body() })));
      }}
    >
      <h2>{t("createTitle")}</h2>
      <div className={styles.formGrid}>
        <label className="field">
          {t("zoneCode")}
          <input value={zoneCode} maxLength={3} onChange={(e) => { setZoneCode(e.target.value.toUpperCase()); changed(); }} required />
        </label>
        <label className="field">
          {t("zoneName")}
          <input value={zoneName} onChange={(e) => setZoneName(e.target.value)} />
        </label>
        <label className="field">
          {t("sizeClass")}
          <select value={sizeClass} onChange={(e) => { setSizeClass(e.target.value as (typeof classes)[number]); changed(); }}>
            {classes.map((c) => (
              <option key={c} value={c}>{t(`classes.${c}`)}</option>
            ))}
          </select>
        </label>
        <label className="field">
          {t("capacity")}
          <input inputMode="numeric" value={capacity} onChange={(e) => { setCapacity(e.target.value); changed(); }} />
        </label>
        {range(t("aisles"), aisles, setAisles, "aisles")}
        {range(t("racks"), racks, setRacks, "racks")}
        {range(t("levels"), levels, setLevels, "levels")}
      </div>
      <div className="row">
        <button type="submit" className="button" disabled={busy}>{t("preview")}</button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !preview || preview.newCount === 0}
          onClick={() =>
            void run(async () => {
              const made = await apiFetch<{ created: number; skipped: number; zoneCode: string }>("/api/station/storage/bins", { body: body() });
              setPreview(null);
              setMessage({ ok: true, text: t("created", { created: made.created, skipped: made.skipped, zone: made.zoneCode }) });
              router.refresh();
            })
          }
        >
          {preview ? t("createN", { count: preview.newCount }) : t("create")}
        </button>
      </div>
      {preview && (
        <div className="alert alert--warn" data-testid="bin-preview">
          <p>{t("previewSummary", { count: preview.count, newCount: preview.newCount, zone: preview.zoneCode, existing: preview.count - preview.newCount })}</p>
          <p className={styles.code}>{preview.sample.join(", ")}{preview.count > preview.sample.length ? ` … ${preview.last}` : ""}</p>
          {!preview.zoneExists && <p>{t("newZone", { zone: preview.zoneCode })}</p>}
        </div>
      )}
      {message && <p className={`alert ${message.ok ? "alert--ok" : "alert--error"}`} role="status">{message.text}</p>}
    </form>
  );
}
