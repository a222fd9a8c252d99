"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import styles from "./inspection.module.css";
import { localLabel } from "./types";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";
import { CategoryOptions } from "./category-options";
import { DataTable } from "@/components/table/data-table";

export type EditableReason = { code: string; category: string | null; labelEn: string; labelKo: string; verdicts: string[]; active: boolean };

const blank: EditableReason = { code: "", category: null, labelEn: "", labelKo: "", verdicts: [], active: true };

/** Reason codes per category: add or edit one, or hide it from new verdicts (old ones keep it). */
export function ReasonCodeEditor({ categories, verdicts, initial }: { categories: readonly string[]; verdicts: readonly string[]; initial: EditableReason[] }) {
  const t = useTranslations("inspection");
  const action = useStationAction();
  const locale = useLocale();
  const [reasons, setReasons] = useState(initial);
  const [draft, setDraft] = useState<EditableReason>(blank);

  const keep = (r: EditableReason) => setReasons((rs) => [...rs.filter((x) => x.code !== r.code), r].sort((a, b) => a.code.localeCompare(b.code)));

  async function save() {
    const answer = await action.run(`reason:${JSON.stringify(draft)}`, (scanId) =>
      apiFetch<{ reasonCode: EditableReason }>("/api/station/inspection/reason-codes", { body: draft, scanId }), {
        answer: ({ reasonCode }) => ({ tone: "success", message: t("editor.reasonSaved", { code: reasonCode.code }) }),
      },
    );
    if (!answer) return;
    keep(answer.reasonCode);
    setDraft(blank);
  }

  async function toggle(r: EditableReason) {
    const body = { code: r.code, active: !r.active };
    const answer = await action.run(`active:${r.code}:${body.active}`, (scanId) =>
      apiFetch<{ reasonCode: EditableReason }>("/api/station/inspection/reason-codes/active", { body, scanId }),
    );
    if (answer) keep(answer.reasonCode);
  }

  return (
    <section className="card stack" data-testid="reason-editor">
      <h2>{t("editor.reasonsTitle")}</h2>
      <DataTable
        rows={reasons}
        rowKey={(r) => r.code}
        rowProps={(r) => ({ className: r.active ? "" : styles.inactive, "data-testid": "reason-row", "data-code": r.code })}
        columns={[
          { header: t("editor.code"), cell: (r) => <code>{r.code}</code> },
          { header: t("editor.category"), cell: (r) => (r.category ? t(`categories.${r.category}`) : t("editor.allCategories")) },
          { header: t("editor.label"), cell: (r) => localLabel(locale, r) },
          { header: t("editor.verdicts"), cell: (r) => r.verdicts.map((v) => t(`verdicts.${v}`)).join(", ") },
          {
            className: "row",
            cell: (r) => (
              <>
                <button type="button" className="button" onClick={() => setDraft(r)}>
                  {t("editor.edit")}
                </button>
                <button type="button" className="button" onClick={() => void toggle(r)}>
                  {r.active ? t("editor.deactivate") : t("editor.activate")}
                </button>
              </>
            ),
          },
        ]}
      />
      <div className="stack" data-testid="reason-form">
        <h3>{draft.code && reasons.some((r) => r.code === draft.code) ? t("editor.editReason", { code: draft.code }) : t("editor.newReason")}</h3>
        <div className="grid-2">
          <label className="field">
            {t("editor.code")}
            <input value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value.toUpperCase() })} />
          </label>
          <label className="field">
            {t("editor.category")}
            <select value={draft.category ?? ""} onChange={(e) => setDraft({ ...draft, category: e.target.value || null })}>
              <option value="">{t("editor.allCategories")}</option>
              <CategoryOptions categories={categories} />
            </select>
          </label>
          <label className="field">
            {t("editor.labelKo")}
            <input value={draft.labelKo} onChange={(e) => setDraft({ ...draft, labelKo: e.target.value })} />
          </label>
          <label className="field">
            {t("editor.labelEn")}
            <input value={draft.labelEn} onChange={(e) => setDraft({ ...draft, labelEn: e.target.value })} />
          </label>
        </div>
        <fieldset className={styles.reasons}>
          <legend>{t("editor.verdicts")}</legend>
          <div className={styles.verdictChecks}>
            {verdicts.map((v) => (
              <label key={v}>
                <input
                  type="checkbox"
                  checked={draft.verdicts.includes(v)}
                  onChange={() =>
                    setDraft({ ...draft, verdicts: draft.verdicts.includes(v) ? draft.verdicts.filter((x) => x !== v) : [...draft.verdicts, v] })
                  }
                />
                {t(`verdicts.${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <ActionAnswer answer={action.answer} testId="reason-message" />
        <div className="row">
          <button type="button" className="button button--primary" disabled={action.busy !== null} onClick={() => void save()}>
            {t("editor.saveReason")}
          </button>
          <button type="button" className="button" onClick={() => setDraft(blank)}>
            {t("editor.clear")}
          </button>
        </div>
      </div>
    </section>
  );
}
