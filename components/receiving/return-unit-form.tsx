"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";
import styles from "./receiving.module.css";

/** A manager sends an unexpected unit back to its seller, with a note for the record. */
export function ReturnUnitForm({ itemId, code }: { itemId: string; code: string }) {
  const t = useTranslations("receiving");
  const router = useRouter();
  const action = useStationAction();
  const [note, setNote] = useState("");
  return (
    <form
      className={styles.returnForm}
      onSubmit={async (event) => {
        event.preventDefault();
        const done = await action.run(`return:${itemId}`, (scanId) => apiFetch("/api/station/receiving/units/return", { body: { itemId, note }, scanId }), {
          answer: () => ({ tone: "success", message: t("unexpected.returned", { code }) }),
        });
        if (done) router.refresh();
      }}
    >
      <label className="field">
        {t("unexpected.note")}
        <input name="note" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="button button--danger" disabled={action.busy !== null || !note.trim()}>
        {t("unexpected.return")}
      </button>
      <ActionAnswer answer={action.answer} />
    </form>
  );
}
