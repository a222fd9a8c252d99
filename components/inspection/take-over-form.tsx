"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

const minReason = 3;

/**
 * A senior inspector or manager takes over someone else's live claim: the reason is asked for
 * first (it goes into the item's history); the button says why it is disabled until then.
 */
export function TakeOverForm({
  itemCode,
  holder,
  busy,
  onSubmit,
  onCancel,
  className = "",
}: {
  itemCode: string;
  holder: string;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  className?: string;
}) {
  const t = useTranslations("inspection.queue");
  const [reason, setReason] = useState("");
  const ready = reason.trim().length >= minReason;
  return (
    <form
      className={`card stack ${className}`}
      data-testid="takeover-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready && !busy) onSubmit(reason.trim());
      }}
    >
      <h3>{t("takeOverTitle", { code: itemCode, name: holder })}</h3>
      <label className="field">
        {t("takeOverReason")}
        <textarea value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="takeover-reason" autoFocus />
      </label>
      {!ready && (
        <p className="muted" id="takeover-hint">
          {t("takeOverHint")}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={!ready || busy} aria-describedby={ready ? undefined : "takeover-hint"} data-testid="takeover-confirm">
          {t("takeOverConfirm")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("takeOverCancel")}
        </button>
      </div>
    </form>
  );
}
