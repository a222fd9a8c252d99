"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/http/api-fetch";
import { useScanRoutes } from "@/components/scanner/use-scan-routes";
import { useStationAction } from "@/components/station/use-station-action";
import type { ItemLocation } from "@/lib/storage/bin-view";
import type { MoveAnswer } from "@/lib/storage/move-item";
import styles from "./storage.module.css";
import { useProductName } from "@/components/i18n/use-product-name";
import { StationLayout } from "@/components/station/station-layout";

const locationKey = (code: string) => ["storage", "item-location", code];

/** Moves and item location: scan an item to see where it is (and has been), then scan its new bin. */
export function MoveStation() {
  const t = useTranslations("storage.move");
  const names = useProductName();
  const tStates = useTranslations("states");
  const tActions = useTranslations("actions");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [code, setCode] = useState<string | null>(null);
  const locate = (itemCode: string) => apiFetch<ItemLocation>(`/api/station/storage/items/${encodeURIComponent(itemCode)}`);
  // The item in hand: read when scanned, read again after each move (the action invalidates it).
  const { data: item = null } = useQuery({ queryKey: locationKey(code ?? ""), queryFn: () => locate(code ?? ""), enabled: code !== null });
  const action = useStationAction();
  // Offline the item's bin cannot be read: the scanned item waits for its new bin, and the move is
  // checked when it is sent (the item must be stored, the bin active with room).
  const [offlineCode, setOfflineCode] = useState<string | null>(null);

  useScanRoutes(
    {
      item: async (scan) => {
        const offline = () => {
          setCode(null);
          setOfflineCode(scan.code);
          return { tone: "warning", message: t("offlineItem", { code: scan.code }) } as const;
        };
        if (!navigator.onLine) return offline();
        let found: ItemLocation;
        try {
          found = await queryClient.fetchQuery({ queryKey: locationKey(scan.code), queryFn: () => locate(scan.code), staleTime: 0, retry: false });
        } catch (error) {
          // No answer (the network dropped): go on as offline.
          if (error instanceof ApiError && error.status === 0) return offline();
          throw error;
        }
        setOfflineCode(null);
        setCode(found.code);
        return found.bin
          ? { tone: "success", message: t("isIn", { code: found.code, bin: found.bin }) }
          : { tone: "warning", message: t("notInBin", { code: found.code, state: tStates(found.state) }) };
      },
      bin: (scan, scanId) => {
        const itemCode = item?.code ?? offlineCode;
        if (!itemCode) return { tone: "error", message: t("scanItemFirst") };
        const url = "/api/station/storage/move";
        const body = { itemCode, binCode: scan.code };
        return action.runScan(`move:${scanId}`, (id) => apiFetch<MoveAnswer>(url, { body, scanId: id }), {
          answerIn: "scanner",
          invalidate: [locationKey(itemCode)],
          answer: (answer) => ({ tone: "success", message: t("moved", { code: answer.item.code, from: answer.from ?? "-", to: answer.to.code }) }),
          offline: { url, body, summary: { key: "storage.move.queuedLine", params: { code: itemCode, bin: scan.code } } },
        });
      },
    },
    () => ({ tone: "error", message: t("wrongKind") }),
  );

  return (
    <StationLayout>
      <h1>{t("title")}</h1>
      {!item && offlineCode && (
        <section className={`card alert--queued ${styles.target}`} data-testid="move-offline">
          <p className={styles.code}>{offlineCode}</p>
          <p className={styles.hint}>{t("offlineItem", { code: offlineCode })}</p>
        </section>
      )}
      {item ? (
        <section className={`card ${styles.target}`} data-testid="move-item">
          <div className={styles.itemHead}>
            <h2>{names.name(item)}</h2>
            <span className={styles.classBadge}>{tStates(item.state)}</span>
          </div>
          <p className="muted">
            <span className={styles.code}>{item.code}</span>
          </p>
          <p className="muted">{t("currentBin")}</p>
          <p className={styles.binCode} data-testid="current-bin">{item.bin ?? "—"}</p>
          <p className={styles.hint}>{t("scanNewBin")}</p>
          <h3>{t("history")}</h3>
          <ol className={styles.history} data-testid="location-history">
            {item.history.map((h, i) => (
              <li key={i}>
                {format.dateTime(new Date(h.at), { dateStyle: "short", timeStyle: "short" })} · {tActions(h.action as "move")} ·{" "}
                <span className={styles.code}>{h.fromBinCode ? `${h.fromBinCode} → ` : ""}{h.binCode ?? "—"}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        !offlineCode && (
          <section className="card">
            <p className={styles.hint}>{t("idle")}</p>
          </section>
        )
      )}
    </StationLayout>
  );
}
