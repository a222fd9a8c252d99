"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/components/http/api-fetch";
import type { AwaitingPutaway } from "@/lib/storage/putaway";
import styles from "./storage.module.css";
import { useProductName } from "@/components/i18n/use-product-name";

/** The waiting list's query: refreshed after each putaway (the station action invalidates it). */
export const awaitingPutawayKey = ["storage", "putaway-queue"];

/** Items waiting for putaway, kept live: polled, and read again after every putaway. */
export function AwaitingList() {
  const t = useTranslations("storage.putaway");
  const names = useProductName();
  const { data } = useQuery({
    queryKey: awaitingPutawayKey,
    queryFn: () => apiFetch<{ items: AwaitingPutaway[] }>("/api/station/storage/putaway/queue"),
    refetchInterval: 30_000,
  });
  const items = data?.items;
  if (!items) return null;
  return (
    <section aria-label={t("waitingTitle")}>
      <h2>{t("waitingTitle")} ({items.length})</h2>
      {items.length === 0 ? (
        <p className="muted">{t("waitingNone")}</p>
      ) : (
        <ol className={styles.queue} data-testid="awaiting-putaway">
          {items.slice(0, 12).map((i) => (
            <li key={i.id}>
              <span className={styles.code}>{i.code}</span>
              <span>{names.name(i)}</span>
              <span className="muted">{i.size}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
