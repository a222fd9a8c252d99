"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import styles from "./inspection.module.css";
import { useErrorText } from "@/components/i18n/use-error-text";

type Point = { key: string; subject: "box" | "item"; labelEn: string; labelKo: string };
export type EditableChecklist = { category: string; version: number; points: Point[] };

/**
 * A manager edits a category's checklist; saving makes a new version that applies to new
 * inspections only (started ones keep the version they were claimed with).
 */
export function ChecklistEditor({ categories, initial }: { categories: readonly string[]; initial: EditableChecklist[] }) {
  const t = useTranslations("inspection");
  const errorText = useErrorText();
  const [lists, setLists] = useState(initial);
  const [category, setCategory] = useState(categories[0]);
  const current = lists.find((l) => l.category === category);
  const [points, setPoints] = useState<Point[]>(current?.points ?? []);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  function pick(next: string) {
    setCategory(next);
    setPoints(lists.find((l) => l.category === next)?.points ?? []);
    setMessage(null);
  }
  const update = (i: number, patch: Partial<Point>) => setPoints((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  async function save() {
    try {
      const { checklist } = await apiFetch<{ checklist: EditableChecklist }>("/api/station/inspection/checklists", { body: { category, points } });
      setLists((ls) => [...ls.filter((l) => l.category !== category), checklist]);
      setMessage({ tone: "ok", text: t("editor.saved", { version: checklist.version }) });
    } catch (e) {
      setMessage({ tone: "error", text: errorText(e) });
    }
  }

  return (
    <section className="card stack" data-testid="checklist-editor">
      <div className="row">
        <h2>{t("editor.checklistTitle")}</h2>
        <label className="row">
          <span className="visually-hidden">{t("editor.category")}</span>
          <select className={styles.select} value={category} onChange={(e) => pick(e.target.value)} data-testid="editor-category">
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
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
        <span />
      </div>
      {points.map((p, i) => (
        <div key={i} className={styles.editorRow} data-testid="editor-point">
          <input aria-label={t("editor.key")} value={p.key} onChange={(e) => update(i, { key: e.target.value })} />
          <select aria-label={t("editor.subject")} value={p.subject} onChange={(e) => update(i, { subject: e.target.value as Point["subject"] })}>
            <option value="box">{t("checklist.box")}</option>
            <option value="item">{t("checklist.item")}</option>
          </select>
          <input aria-label={t("editor.labelKo")} value={p.labelKo} onChange={(e) => update(i, { labelKo: e.target.value })} />
          <input aria-label={t("editor.labelEn")} value={p.labelEn} onChange={(e) => update(i, { labelEn: e.target.value })} />
          <button type="button" className="button" aria-label={t("editor.remove")} onClick={() => setPoints((ps) => ps.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      {message && (
        <p className={`alert alert--${message.tone}`} role="alert" data-testid="editor-message">
          {message.text}
        </p>
      )}
      <div className="row">
        <button type="button" className="button" onClick={() => setPoints((ps) => [...ps, { key: "", subject: "item", labelEn: "", labelKo: "" }])}>
          + {t("editor.addPoint")}
        </button>
        <button type="button" className="button button--primary" onClick={() => void save()}>
          {t("editor.saveVersion")}
        </button>
      </div>
    </section>
  );
}
