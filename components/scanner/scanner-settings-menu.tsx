"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { gapChoices, readScannerSettings, saveScannerSettings } from "./scanner-settings";

/** The station's scanner setting (key gap), kept in this browser: set once per tablet or desk. */
export function ScannerSettingsMenu() {
  const t = useTranslations("scanner");
  const [gapMs, setGapMs] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setGapMs(readScannerSettings().gapMs), []);
  return (
    <details className="scanner-settings" data-testid="scanner-settings">
      <summary className="button button--ghost">⚙ {t("settings")}</summary>
      <div className="scanner-settings__panel card stack">
        <label className="field">
          {t("gapLabel")}
          <select
            data-testid="scanner-gap"
            value={gapMs ?? ""}
            onChange={(event) => {
              const value = Number(event.target.value);
              setGapMs(value);
              saveScannerSettings({ gapMs: value });
              setSaved(true);
            }}
          >
            {[...new Set([...gapChoices, ...(gapMs ? [gapMs] : [])])].map((ms) => (
              <option key={ms} value={ms}>
                {t("gap", { ms })}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">{t("gapHint")}</p>
        {saved && <p role="status">{t("saved")}</p>}
      </div>
    </details>
  );
}
