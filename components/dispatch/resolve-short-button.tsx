"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useDispatchAction } from "./use-dispatch-action";

/** A manager closes a short pick once the item is found; it goes back on a pick list. */
export function ResolveShortButton({ lineId }: { lineId: string }) {
  const t = useTranslations("dispatch.shortPicks");
  const router = useRouter();
  const [note, setNote] = useState("");
  const action = useDispatchAction();
  return (
    <form
      className="row"
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(
          `resolve:${lineId}`,
          (scanId) => apiFetch("/api/station/dispatch/short-picks/resolve", { body: { lineId, note: note || undefined }, scanId }),
          () => {
            router.refresh();
            return { tone: "success", message: t("resolved") };
          },
        );
      }}
    >
      <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("notePlaceholder")} aria-label={t("note")} />
      <button type="submit" className="button" disabled={action.busy !== null} data-testid="short-resolve">
        {t("resolve")}
      </button>
      {action.answer?.tone === "error" && <span className="alert alert--error">{action.answer.message}</span>}
    </form>
  );
}
