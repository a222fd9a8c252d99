"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ScanPanel } from "@/components/scanner/scan-panel";
import { useScanHandler, type ScanFeedback } from "@/components/scanner/scanner-provider";
import { classifyScan } from "@/lib/scan-codes/classify";
import type { ItemLocation } from "@/lib/storage/bin-view";
import type { MoveAnswer } from "@/lib/storage/move-item";
import styles from "./storage.module.css";

/** Moves and item location: scan an item to see where it is (and has been), then scan its new bin. */
export function MoveStation() {
  const t = useTranslations("storage.move");
  const tStates = useTranslations("states");
  const tActions = useTranslations("actions");
  const format = useFormatter();
  const errorText = useErrorText();
  const [item, setItem] = useState<ItemLocation | null>(null);

  const locate = (code: string) => apiFetch<ItemLocation>(`/api/station/storage/items/${encodeURIComponent(code)}`);

  useScanHandler(async (code, scanId): Promise<ScanFeedback> => {
    const scan = classifyScan(code);
    try {
      if (scan.kind === "item") {
        const found = await locate(scan.code);
        setItem(found);
        return found.bin
          ? { tone: "success", message: t("isIn", { code: found.code, bin: found.bin }) }
          : { tone: "warning", message: t("notInBin", { code: found.code, state: tStates(found.state) }) };
      }
      if (scan.kind === "bin") {
        if (!item) return { tone: "error", message: t("scanItemFirst") };
        const answer = await apiFetch<MoveAnswer>("/api/station/storage/move", { body: { scanId, itemCode: item.code, binCode: scan.code } });
        setItem(await locate(item.code));
        return { tone: "success", message: t("moved", { code: answer.item.code, from: answer.from ?? "-", to: answer.to.code }) };
      }
      if (scan.kind === "invalid") return { tone: "error", message: scan.message };
      return { tone: "error", message: t("wrongKind") };
    } catch (error) {
      return { tone: "error", message: errorText(error) };
    }
  });

  return (
    <div className={styles.station}>
      <div className={styles.main}>
        <h1>{t("title")}</h1>
        {item ? (
          <section className={`card ${styles.target}`} data-testid="move-item">
            <div className={styles.itemHead}>
              <h2>{item.productName}</h2>
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
          <section className="card">
            <p className={styles.hint}>{t("idle")}</p>
          </section>
        )}
      </div>
      <aside className={styles.side}>
        <ScanPanel />
      </aside>
    </div>
  );
}
