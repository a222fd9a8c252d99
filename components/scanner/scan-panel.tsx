"use client";

import { useTranslations, useFormatter } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { hangulToLatin } from "@/lib/scan-codes/hangul-keys";
import { useScanner, type ScanFeedback } from "./scanner-provider";

/**
 * The station's answer area: the last scan's result in colour, a field to type a code when there is
 * no scanner (Hangul typed with the Korean IME on is mapped back), and this session's scans. A
 * station's `answer` (its buttons' answers: useStationAction's `answer`) shows here too, as the
 * newest line, so every answer is in this one place.
 */
export function ScanPanel({ showLog = true, answer = null }: { showLog?: boolean; answer?: ScanFeedback | null }) {
  const t = useTranslations("scanner");
  const format = useFormatter();
  const { submit, last, log, busy, setPanelInView, announce } = useScanner();

  useEffect(() => {
    if (answer) announce(answer);
  }, [answer, announce]);
  const [manual, setManual] = useState("");
  const tone = last?.feedback?.tone ?? "idle";
  const statusRef = useRef<HTMLDivElement>(null);

  // While this answer is on screen the scanner's toast is not needed; scrolled away, it is.
  useEffect(() => {
    const status = statusRef.current;
    if (!status) return;
    const observer = new IntersectionObserver(([entry]) => setPanelInView(entry.isIntersecting));
    observer.observe(status);
    return () => {
      observer.disconnect();
      setPanelInView(false);
    };
  }, [setPanelInView]);

  return (
    <section className="scan-panel">
      <div ref={statusRef} className={`scan-status scan-status--${busy ? "busy" : tone}`} role="status" aria-live="assertive" data-testid="scan-status" data-tone={busy ? "busy" : tone}>
        {busy ? t("working") : last?.feedback ? last.feedback.message : t("ready")}
      </div>
      <form
        className="scan-manual"
        onSubmit={(event) => {
          event.preventDefault();
          submit(hangulToLatin(manual));
          setManual("");
        }}
      >
        <label className="visually-hidden" htmlFor="manual-code">
          {t("manualLabel")}
        </label>
        <input
          id="manual-code"
          data-scan-input
          autoComplete="off"
          placeholder={t("manualPlaceholder")}
          value={manual}
          onChange={(event) => setManual(event.target.value)}
        />
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </form>
      {showLog && (
        <div className="scan-log">
          <h2>{t("log")}</h2>
          {log.length === 0 ? (
            <p className="muted">{t("logEmpty")}</p>
          ) : (
            <ol data-testid="scan-log">
              {log.map((entry) => (
                <li key={entry.id} className={`scan-log__entry scan-log__entry--${entry.feedback?.tone ?? "busy"}`}>
                  <time>{format.dateTime(entry.at, "timeSeconds")}</time>
                  {entry.code && <code>{entry.code}</code>}
                  <span>{entry.feedback?.message ?? "…"}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
