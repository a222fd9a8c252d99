"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import styles from "./inspection.module.css";
import { localLabel, type ChecklistResult, type InspectionView } from "./types";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";

/**
 * The category's checklist, box and item as separate groups. Each tap is saved at once (results
 * are merged per point on the server), so a dropped tablet loses nothing.
 */
export function ChecklistPanel({
  view,
  readOnly,
  onNotOkChange,
}: {
  view: InspectionView;
  readOnly: boolean;
  /** Told the labels of the points marked not ok whenever the marks change (for the verdict's pass warning). */
  onNotOkChange?: (labels: string[]) => void;
}) {
  const t = useTranslations("inspection");
  const action = useStationAction();
  const locale = useLocale();
  const [results, setResults] = useState<Record<string, ChecklistResult>>(() => Object.fromEntries(view.results.map((r) => [r.key, r])));
  const [notes, setNotes] = useState<Record<string, string>>(() => Object.fromEntries(view.results.map((r) => [r.key, r.note ?? ""])));
  const saving = action.busy !== null;

  useEffect(() => {
    onNotOkChange?.(notOkLabels(view, results, locale));
  }, [view, results, locale, onNotOkChange]);

  if (!view.checklist) return <p className="card muted">{t("checklist.none")}</p>;

  async function save(key: string, ok: boolean, note: string) {
    const previous = results[key];
    setResults((r) => ({ ...r, [key]: { key, ok, note } }));
    // Taps may overlap: the server merges each point, so the screen keeps its own (newer) marks
    // rather than taking an answer that may predate a later tap.
    const url = "/api/station/inspection/results";
    const body = { inspectionId: view.inspection.id, results: [{ key, ok, note }] };
    const point = points.find((p) => p.key === key);
    const saved = await action.attempt(`result:${key}:${ok}:${note}`, (scanId) => apiFetch<{ results: ChecklistResult[] }>(url, { body, scanId }), {
      // Offline each tap is kept on the device, in order (the verdict queued after it goes after it).
      offline: { url, body, summary: { key: ok ? "inspection.queued.pointOk" : "inspection.queued.pointNotOk", params: { point: point ? localLabel(locale, point) : key, code: view.item.code ?? "" } } },
    });
    if (saved.result) return action.clear();
    if (saved.queued) return;
    setResults((r) => {
      const next = { ...r };
      if (previous) next[key] = previous;
      else delete next[key];
      return next;
    });
  }

  const points = view.checklist.points;
  const done = points.filter((p) => results[p.key]).length;
  const notOk = points.filter((p) => results[p.key]?.ok === false).length;

  return (
    <section className="card stack" data-testid="checklist">
      <div className="row">
        <h2>{t("checklist.title")}</h2>
        <span className="badge" data-testid="checklist-progress">
          {t("checklist.progress", { done, total: points.length })}
        </span>
        {notOk > 0 && <span className={`${styles.pill} ${styles.pillOverdue}`}>{t("checklist.notOkCount", { count: notOk })}</span>}
        <span className="muted">{t("checklist.version", { version: view.checklist.version })}</span>
        {saving && <span className="muted">{t("saving")}</span>}
      </div>
      <ActionAnswer answer={action.answer} />
      {(["box", "item"] as const).map((subject) => {
        const group = points.filter((p) => p.subject === subject);
        if (group.length === 0) return null;
        return (
          <div key={subject} className={styles.checkGroup}>
            <h3 className={styles.checkGroupTitle}>{t(`checklist.${subject}`)}</h3>
            {group.map((point) => {
              const result = results[point.key];
              const label = localLabel(locale, point);
              return (
                <div
                  key={point.key}
                  className={`${styles.checkRow} ${result ? (result.ok ? styles.checkOk : styles.checkBad) : ""}`}
                  data-testid={`check-${point.key}`}
                >
                  <div className={styles.checkLine}>
                    <span className={styles.checkLabel}>{label}</span>
                    <div className={styles.toggle} role="group" aria-label={label}>
                      <button
                        type="button"
                        className={`${styles.toggleButton} ${result?.ok === true ? styles.toggleOk : ""}`}
                        aria-pressed={result?.ok === true}
                        disabled={readOnly}
                        onClick={() => void save(point.key, true, notes[point.key] ?? "")}
                      >
                        ✓ {t("checklist.ok")}
                      </button>
                      <button
                        type="button"
                        className={`${styles.toggleButton} ${result?.ok === false ? styles.toggleBad : ""}`}
                        aria-pressed={result?.ok === false}
                        disabled={readOnly}
                        onClick={() => void save(point.key, false, notes[point.key] ?? "")}
                      >
                        ✗ {t("checklist.notOk")}
                      </button>
                    </div>
                  </div>
                  {readOnly ? (
                    result?.note ? <p className={styles.checkNote}>{result.note}</p> : null
                  ) : (
                    <input
                      className={styles.noteInput}
                      aria-label={t("checklist.noteFor", { point: label })}
                      placeholder={t("checklist.notePlaceholder")}
                      value={notes[point.key] ?? ""}
                      maxLength={500}
                      onChange={(e) => setNotes((n) => ({ ...n, [point.key]: e.target.value }))}
                      onBlur={() => {
                        const note = notes[point.key] ?? "";
                        if (result && (result.note ?? "") !== note) void save(point.key, result.ok, note);
                      }}
                    />
                  )}
                </div>
              );
            })}
          </div>
        );
      })}
    </section>
  );
}

/** The labels, in the screen's language, of the checklist points currently marked not ok. */
export function notOkLabels(view: InspectionView, results: Record<string, { ok: boolean }>, locale: string): string[] {
  return (view.checklist?.points ?? []).filter((p) => results[p.key]?.ok === false).map((p) => localLabel(locale, p));
}
