"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/http/api-fetch";
import styles from "./inspection.module.css";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";
import { CategoryOptions } from "./category-options";

type Point = { key: string; subject: "box" | "item"; labelEn: string; labelKo: string; required?: boolean };
export type EditableChecklist = { category: string; version: number; points: Point[]; highValueMinPhotos: number };

/**
 * A manager edits a category's checklist; saving makes a new version that applies to new
 * inspections only (started ones keep the version they were claimed with).
 */
export function ChecklistEditor({ categories, initial }: { categories: readonly string[]; initial: EditableChecklist[] }) {
  const t = useTranslations("inspection");
  const action = useStationAction();
  // Per-field refusals from the server ("points.3.key" → its zod issue code), shown beside the field.
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [lists, setLists] = useState(initial);
  const [category, setCategory] = useState(categories[0]);
  const current = lists.find((l) => l.category === category);
  const [points, setPoints] = useState<Point[]>(current?.points ?? []);
  const [minPhotos, setMinPhotos] = useState(String(current?.highValueMinPhotos ?? 1));

  function pick(next: string) {
    setCategory(next);
    setPoints(lists.find((l) => l.category === next)?.points ?? []);
    setMinPhotos(String(lists.find((l) => l.category === next)?.highValueMinPhotos ?? 1));
    setFieldErrors({});
    action.clear();
  }
  const update = (i: number, patch: Partial<Point>) => setPoints((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  async function save() {
    const body = { category, points, highValueMinPhotos: minPhotos };
    setFieldErrors({});
    // The same contents again (a retry) is the same intent: one new version, not two.
    const answer = await action.run(`checklist:${JSON.stringify(body)}`, (scanId) =>
      apiFetch<{ checklist: EditableChecklist }>("/api/station/inspection/checklists", { body, scanId }), {
        answer: ({ checklist }) => ({ tone: "success", message: t("editor.saved", { version: checklist.version }) }),
        refused: (error, text) => {
          if (error instanceof ApiError) setFieldErrors(Object.fromEntries(error.fields.map((f) => [f.field, f.code])));
          return { tone: "error", message: text };
        },
      },
    );
    if (answer) setLists((ls) => [...ls.filter((l) => l.category !== category), answer.checklist]);
  }
  const fieldError = (i: number, field: keyof Point) => {
    const code = fieldErrors[`points.${i}.${field}`];
    return code ? t(`editor.fieldErrors.${field}`) : null;
  };

  return (
    <section className="card stack" data-testid="checklist-editor">
      <div className="row">
        <h2>{t("editor.checklistTitle")}</h2>
        <label className="row">
          <span className="visually-hidden">{t("editor.category")}</span>
          <select className={styles.select} value={category} onChange={(e) => pick(e.target.value)} data-testid="editor-category">
            <CategoryOptions categories={categories} />
          </select>
        </label>
        <span className="muted">{current ? t("checklist.version", { version: current.version }) : t("editor.noChecklist")}</span>
      </div>
      <p className="muted">{t("editor.checklistHint")}</p>
      <div className={`${styles.editorRow} muted`}>
        <span>{t("editor.key")}</span>
        <span>{t("editor.subject")}</span>
        <span>{t("editor.labelKo")}</span>
        <span>{t("editor.labelEn")}</span>
        <span>{t("editor.required")}</span>
        <span />
      </div>
      {points.map((p, i) => (
        <div key={i} className={styles.editorRow} data-testid="editor-point">
          <input aria-label={t("editor.key")} aria-invalid={fieldError(i, "key") ? true : undefined} value={p.key} onChange={(e) => update(i, { key: e.target.value })} />
          <select aria-label={t("editor.subject")} value={p.subject} onChange={(e) => update(i, { subject: e.target.value as Point["subject"] })}>
            <option value="box">{t("checklist.box")}</option>
            <option value="item">{t("checklist.item")}</option>
          </select>
          <input aria-label={t("editor.labelKo")} aria-invalid={fieldError(i, "labelKo") ? true : undefined} value={p.labelKo} onChange={(e) => update(i, { labelKo: e.target.value })} />
          <input aria-label={t("editor.labelEn")} aria-invalid={fieldError(i, "labelEn") ? true : undefined} value={p.labelEn} onChange={(e) => update(i, { labelEn: e.target.value })} />
          <input
            type="checkbox"
            aria-label={t("editor.required")}
            data-testid="editor-required"
            checked={p.required !== false}
            onChange={(e) => update(i, { required: e.target.checked })}
          />
          <button type="button" className="button" aria-label={t("editor.remove")} onClick={() => setPoints((ps) => ps.filter((_, j) => j !== i))}>
            ✕
          </button>
          {(["key", "labelKo", "labelEn"] as const).map((field) =>
            fieldError(i, field) ? (
              <span key={field} className="field-error" data-testid="editor-field-error">
                {fieldError(i, field)}
              </span>
            ) : null,
          )}
        </div>
      ))}
      {fieldErrors.points && <p className="field-error">{t("editor.fieldErrors.points")}</p>}
      <label className="row" style={{ gap: "0.5rem" }}>
        <span>{t("editor.highValueMinPhotos")}</span>
        <input
          className={styles.select}
          style={{ width: "5rem" }}
          inputMode="numeric"
          data-testid="editor-min-photos"
          value={minPhotos}
          onChange={(e) => setMinPhotos(e.target.value.replace(/\D/g, "").slice(0, 2))}
        />
      </label>
      <ActionAnswer answer={action.answer} testId="editor-message" />
      <div className="row">
        <button type="button" className="button" onClick={() => setPoints((ps) => [...ps, { key: "", subject: "item", labelEn: "", labelKo: "", required: true }])}>
          + {t("editor.addPoint")}
        </button>
        <button type="button" className="button button--primary" disabled={action.busy !== null} onClick={() => void save()}>
          {t("editor.saveVersion")}
        </button>
      </div>
    </section>
  );
}
