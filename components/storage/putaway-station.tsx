"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { apiFetch, ApiError } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ScanPanel } from "@/components/scanner/scan-panel";
import { useScanHandler, type ScanFeedback } from "@/components/scanner/scanner-provider";
import { classifyScan } from "@/lib/scan-codes/classify";
import type { PutawayAnswer, PutawayLookup } from "@/lib/storage/putaway";
import { AwaitingList } from "./awaiting-list";
import styles from "./storage.module.css";

type Done = { code: string; bin: string; override: boolean };

/**
 * The putaway station: scan an item, Legit shows the bin it suggests; scanning that bin confirms,
 * another bin of the right class overrides. A tote scanned first collects several items, put away
 * one after the other.
 */
export function PutawayStation() {
  const t = useTranslations("storage.putaway");
  const errorText = useErrorText();
  const [tote, setToteState] = useState<string | null>(null);
  const toteRef = useRef<string | null>(null);
  const setTote = (next: string | null) => {
    toteRef.current = next;
    setToteState(next);
  };
  const [queue, setQueueState] = useState<PutawayLookup[]>([]);
  // Scans can arrive faster than re-renders: the handler reads the queue through a ref.
  const queueRef = useRef<PutawayLookup[]>([]);
  const setQueue = (next: PutawayLookup[] | ((q: PutawayLookup[]) => PutawayLookup[])) => {
    queueRef.current = typeof next === "function" ? next(queueRef.current) : next;
    setQueueState(queueRef.current);
  };
  const [done, setDone] = useState<Done[]>([]);
  const [version, setVersion] = useState(0);

  const current = queue[0] ?? null;

  const lookup = (itemCode: string) => apiFetch<PutawayLookup>("/api/station/storage/putaway/lookup", { body: { itemCode } });

  useScanHandler(async (code, scanId): Promise<ScanFeedback> => {
    const scan = classifyScan(code);
    const current = queueRef.current[0] ?? null;
    try {
      if (scan.kind === "tote") {
        setTote(scan.code);
        return { tone: "success", message: t("toteStarted", { tote: scan.code }) };
      }
      if (scan.kind === "item") {
        const found = await lookup(scan.code);
        if (toteRef.current) {
          if (queueRef.current.some((q) => q.item.id === found.item.id)) return { tone: "warning", message: t("alreadyInTote", { code: found.item.code }) };
          setQueue((q) => [...q, found]);
          return { tone: "success", message: t("addedToTote", { code: found.item.code, count: queueRef.current.length }) };
        }
        setQueue([found]);
        return found.suggestion
          ? { tone: "success", message: t("putInto", { code: found.item.code, bin: found.suggestion.code }) }
          : { tone: "warning", message: t("noBin", { sizeClass: found.item.sizeClass }) };
      }
      if (scan.kind === "bin") {
        if (!current) return { tone: "error", message: t("scanItemFirst") };
        const answer = await apiFetch<PutawayAnswer>("/api/station/storage/putaway", {
          body: { scanId, itemCode: current.item.code, binCode: scan.code, suggestedBinCode: current.suggestion?.code },
        });
        setDone((d) => [{ code: answer.item.code, bin: answer.bin.code, override: answer.override }, ...d].slice(0, 30));
        setVersion((v) => v + 1);
        const rest = queueRef.current.slice(1);
        // The next item's suggestion is read again: the bin just used may have filled up.
        const refreshed = rest.length ? [await lookup(rest[0].item.code), ...rest.slice(1)] : [];
        setQueue(refreshed);
        if (!refreshed.length && toteRef.current) setTote(null);
        const message = answer.override
          ? t("storedOverride", { code: answer.item.code, bin: answer.bin.code, suggested: current.suggestion?.code ?? "-" })
          : t("stored", { code: answer.item.code, bin: answer.bin.code, occupied: answer.bin.occupied, capacity: answer.bin.capacity });
        const next = refreshed[0] ? ` ${t("next", { code: refreshed[0].item.code, bin: refreshed[0].suggestion?.code ?? "-" })}` : "";
        return { tone: answer.override ? "warning" : "success", message: message + next };
      }
      if (scan.kind === "invalid") return { tone: "error", message: scan.message };
      return { tone: "error", message: t("wrongKind") };
    } catch (error) {
      if (error instanceof ApiError && error.code === "conflict:bin_full" && current) {
        // Someone took the last slot: show a new suggestion at once.
        const fresh = await lookup(current.item.code).catch(() => null);
        if (fresh) setQueue((q) => [fresh, ...q.slice(1)]);
        return { tone: "error", message: `${errorText(error)} ${fresh?.suggestion ? t("newSuggestion", { bin: fresh.suggestion.code }) : ""}` };
      }
      return { tone: "error", message: errorText(error) };
    }
  });

  return (
    <div className={styles.station}>
      <div className={styles.main}>
        <h1>{t("title")}</h1>
        {tote && (
          <div className={styles.toteBar} data-testid="tote-bar">
            <span>{t("toteActive", { tote, count: queue.length })}</span>
            <button type="button" className="button" onClick={() => { setTote(null); setQueue((q) => q.slice(0, 1)); }}>
              {t("toteClose")}
            </button>
          </div>
        )}
        {current ? (
          <section className={`card ${styles.target}`} data-testid="putaway-current">
            <div className={styles.itemHead}>
              <h2>{current.item.productName}</h2>
              <span className={styles.classBadge}>{t("sizeClass", { sizeClass: current.item.sizeClass })}</span>
            </div>
            <p className="muted">
              <span className={styles.code}>{current.item.code}</span> · {current.item.sku} · {current.item.size}
            </p>
            {current.suggestion ? (
              <>
                <p className="muted">{t("suggested", { zone: current.suggestion.zoneName })}</p>
                <p className={styles.binCode} data-testid="suggested-bin">{current.suggestion.code}</p>
                <p>{t("freeSlots", { free: current.suggestion.capacity - current.suggestion.occupied, capacity: current.suggestion.capacity })}</p>
                <p className={styles.hint}>{t("scanBin")}</p>
              </>
            ) : (
              <p className="alert alert--warn">{t("noBin", { sizeClass: current.item.sizeClass })}</p>
            )}
          </section>
        ) : (
          <section className="card">
            <p className={styles.hint}>{t("idle")}</p>
          </section>
        )}
        {queue.length > 1 && (
          <section aria-label={t("toteItems")}>
            <h2>{t("toteItems")}</h2>
            <ol className={styles.queue}>
              {queue.map((q, i) => (
                <li key={q.item.id} aria-current={i === 0}>
                  <span className={styles.code}>{q.item.code}</span>
                  <span>{q.item.productName}</span>
                  <span className={styles.classBadge}>{q.item.sizeClass}</span>
                </li>
              ))}
            </ol>
          </section>
        )}
        {done.length > 0 && (
          <section aria-label={t("doneTitle")}>
            <h2>{t("doneTitle")}</h2>
            <ol className={styles.queue} data-testid="putaway-done">
              {done.map((d) => (
                <li key={d.code}>
                  <span className={styles.code}>{d.code}</span>
                  <span className={styles.done}>→ {d.bin}</span>
                  <span>{d.override ? t("override") : ""}</span>
                </li>
              ))}
            </ol>
          </section>
        )}
        <AwaitingList version={version} />
      </div>
      <aside className={styles.side}>
        <ScanPanel />
      </aside>
    </div>
  );
}
