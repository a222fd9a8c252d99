"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";
import type { BinPreview } from "@/lib/storage/bins-admin";
import styles from "./storage.module.css";

type Range = { from: string; to: string };
const classes = ["S", "M", "L", "XL", "Q"] as const;

/** Bulk creation of bins (zone, aisle/rack/level ranges, class, capacity) with a preview first. */
export function BinForm() {
  const t = useTranslations("storage.bins");
  const router = useRouter();
  const [zoneCode, setZoneCode] = useState("");
  const [zoneName, setZoneName] = useState("");
  const [aisles, setAisles] = useState<Range>({ from: "1", to: "1" });
  const [racks, setRacks] = useState<Range>({ from: "1", to: "10" });
  const [levels, setLevels] = useState<Range>({ from: "1", to: "4" });
  const [sizeClass, setSizeClass] = useState<(typeof classes)[number]>("S");
  const [capacity, setCapacity] = useState("6");
  const [preview, setPreview] = useState<BinPreview | null>(null);
  // Preview (a read) and create (a change, once per layout) both go through the station action.
  const action = useStationAction();
  const busy = action.busy !== null;

  const body = () => ({ zoneCode, zoneName: zoneName || undefined, aisles, racks, levels, sizeClass, capacity });
  const changed = () => setPreview(null);

  const layout = () => JSON.stringify(body());
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
        void action.run(`preview:${layout()}`, () => apiFetch<BinPreview>("/api/station/storage/bins/preview", { body: body() }), {
          answer: (found) => {
            setPreview(found);
            action.clear();
            return null;
          },
        });
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
            void action.run(`create:${layout()}`, (scanId) => apiFetch<{ created: number; skipped: number; zoneCode: string }>("/api/station/storage/bins", { body: body(), scanId }), {
              answer: (made) => {
                setPreview(null);
                router.refresh();
                return { tone: "success", message: t("created", { created: made.created, skipped: made.skipped, zone: made.zoneCode }) };
              },
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
      <ActionAnswer answer={action.answer} />
    </form>
  );
}
