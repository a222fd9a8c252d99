"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/http/api-fetch";
import type { useStationAction } from "@/components/station/use-station-action";

type ClaimAnswer = { inspectionId: string; itemCode: string | null; tookOverFrom: { name: string } | null };

/**
 * Takes over a claim (claim with a reason, through the station action: one scan id per item, reused
 * on retry) and opens the inspection; a refusal is shown in the person's language by the action.
 */
export function useTakeOver(action: ReturnType<typeof useStationAction>) {
  const t = useTranslations("inspection.queue");
  const router = useRouter();
  return (item: { itemId?: string; itemCode: string | null }, reason: string) =>
    action.run(
      `takeover:${item.itemId ?? item.itemCode}`,
      (scanId) =>
        apiFetch<ClaimAnswer>("/api/station/inspection/claim", {
          body: item.itemId ? { itemId: item.itemId, takeOverReason: reason } : { itemCode: item.itemCode, takeOverReason: reason },
          scanId,
        }),
      {
        answer: (answer) => {
          router.push(`/inspect/${answer.inspectionId}`);
          const code = answer.itemCode ?? item.itemCode ?? "";
          return answer.tookOverFrom
            ? { tone: "success", message: t("tookOverWithReason", { code, name: answer.tookOverFrom.name }) }
            : { tone: "success", message: t("claimed", { code }) };
        },
      },
    );
}
