"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";

export function RevokeButton({ clientId, name }: { clientId: string; name: string }) {
  const t = useTranslations("admin.apiClients");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="row">
      <button
        type="button"
        className="button button--danger"
        onClick={async () => {
          if (!window.confirm(t("confirmRevoke", { name }))) return;
          try {
            await apiFetch(`/api/station/admin/api-clients/${clientId}/revoke`, { body: {} });
            router.refresh();
          } catch (e) {
            setError(errorText(e));
          }
        }}
      >
        {t("revoke")}
      </button>
      {error && <span className="alert alert--error">{error}</span>}
    </div>
  );
}
