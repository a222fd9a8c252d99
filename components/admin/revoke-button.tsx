"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/http/api-fetch";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";

export function RevokeButton({ clientId, name }: { clientId: string; name: string }) {
  const t = useTranslations("admin.apiClients");
  const router = useRouter();
  const action = useStationAction();
  return (
    <div className="row">
      <button
        type="button"
        className="button button--danger"
        disabled={action.busy !== null}
        onClick={async () => {
          if (!window.confirm(t("confirmRevoke", { name }))) return;
          const done = await action.run(`revoke:${clientId}`, (scanId) => apiFetch(`/api/station/admin/api-clients/${clientId}/revoke`, { body: {}, scanId }));
          if (done) router.refresh();
        }}
      >
        {t("revoke")}
      </button>
      <ActionAnswer answer={action.answer?.tone === "error" ? action.answer : null} />
    </div>
  );
}
