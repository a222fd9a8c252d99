"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import type { AwaitingPutaway } from "@/lib/storage/putaway";
import styles from "./storage.module.css";

/** Items waiting for putaway, read again whenever `version` changes (after each putaway). */
export function AwaitingList({ version }: { version: number }) {
  const t = useTranslations("storage.putaway");
  const [items, setItems] = useState<AwaitingPutaway[] | null>(null);
  useEffect(() => {
    let live = true;
    apiFetch<{ items: AwaitingPutaway[] }>("/api/station/storage/putaway/queue")
      .then((r) => live && setItems(r.items))
      .catch(() => live && setItems(null));
    return () => {
      live = false;
    };
  }, [version]);
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
              <span>{i.productName}</span>
              <span className="muted">{i.size}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
