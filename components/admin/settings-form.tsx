"use client";

import { useTranslations } from "next-intl";
import type { EditableSettings } from "@/lib/admin/center-settings";
import { useAdminCall } from "./use-admin-call";

const numberFields = [
  "inspectionDeadlineHours",
  "passedToDispatchHours",
  "heldForBuyerHours",
  "awaitingPutawayHours",
  "fourEyesPrice",
  "claimTimeoutMinutes",
  "storageFreeDays",
] as const;
const feeClasses = ["S", "M", "L", "XL"] as const;
const rateFields = ["fail_counterfeit", "fail_used", "fail_defect", "fail_wrong_item", "fail_missing_parts"] as const;

/** A center's settings; the server validates every value and refuses (changing nothing) on a bad one. */
export function SettingsForm({ settings, editable }: { settings: EditableSettings; editable: boolean }) {
  const t = useTranslations("admin.settings");
  const tv = useTranslations("inspection.verdicts");
  const { call, pending, error, done } = useAdminCall();
  return (
    <form
      className="card stack"
      data-testid="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const num = (key: string) => {
          const raw = String(data.get(key) ?? "").trim();
          return raw === "" || Number.isNaN(Number(raw)) ? raw : Number(raw);
        };
        const body = {
          timezone: String(data.get("timezone") ?? ""),
          currency: String(data.get("currency") ?? ""),
          ...Object.fromEntries(numberFields.map((k) => [k, num(k)])),
          storageDailyFees: Object.fromEntries(feeClasses.map((k) => [k, num(`fee.${k}`)])),
          ...(settings.storageFreeDaysBySizeClass ? { storageFreeDaysBySizeClass: settings.storageFreeDaysBySizeClass } : {}),
          penaltyRates: Object.fromEntries(rateFields.map((k) => [k, typeof num(`rate.${k}`) === "number" ? (num(`rate.${k}`) as number) / 100 : num(`rate.${k}`)])),
        };
        void call("/api/station/admin/settings", { method: "PUT", body }, t("saved"));
      }}
    >
      <fieldset disabled={!editable || pending} className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="row">
          <label className="field">
            <span>{t("timezone")}</span>
            <input name="timezone" defaultValue={settings.timezone} required />
          </label>
          <label className="field">
            <span>{t("currency")}</span>
            <input name="currency" defaultValue={settings.currency} required maxLength={3} />
          </label>
        </div>
        <div className="row">
          {numberFields.map((key) => (
            <label key={key} className="field">
              <span>{t(`fields.${key}`)}</span>
              <input name={key} defaultValue={settings[key]} inputMode="decimal" data-testid={`setting-${key}`} />
            </label>
          ))}
        </div>
        <h3>{t("penaltyRates")}</h3>
        <div className="row">
          {rateFields.map((key) => (
            <label key={key} className="field">
              <span>{tv(key)} (%)</span>
              <input name={`rate.${key}`} defaultValue={Math.round(settings.penaltyRates[key] * 1000) / 10} inputMode="decimal" />
            </label>
          ))}
        </div>
        <h3>{t("storageDailyFees")}</h3>
        <div className="row">
          {feeClasses.map((key) => (
            <label key={key} className="field">
              <span>{t("sizeClass", { size: key })}</span>
              <input name={`fee.${key}`} defaultValue={settings.storageDailyFees[key]} inputMode="decimal" />
            </label>
          ))}
        </div>
        {editable && (
          <button type="submit" className="button button--primary" style={{ alignSelf: "flex-start" }}>
            {t("save")}
          </button>
        )}
      </fieldset>
      {!editable && <p className="muted">{t("adminOnly")}</p>}
      {error && (
        <p className="alert alert--error" role="alert" data-testid="settings-error">
          {error}
        </p>
      )}
      {done && (
        <p className="alert alert--ok" role="status" data-testid="settings-saved">
          {done}
        </p>
      )}
    </form>
  );
}
