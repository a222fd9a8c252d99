"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { apiFetch, ApiError } from "@/components/http/api-fetch";
import type { ScanFeedback } from "@/components/scanner/scanner-provider";
import { useScanRoutes } from "@/components/scanner/use-scan-routes";
import { useStationAction } from "@/components/station/use-station-action";
import type { PutawayAnswer, PutawayLookup } from "@/lib/storage/putaway";
import { AwaitingList, awaitingPutawayKey } from "./awaiting-list";
import styles from "./storage.module.css";
import { useProductName } from "@/components/i18n/use-product-name";
import { StationLayout } from "@/components/station/station-layout";

type Done = { code: string; bin: string; override: boolean; queued?: boolean };

/**
 * The putaway station: scan an item, Legit shows the bin it suggests; scanning that bin confirms,
 * another bin of the right class overrides. A tote scanned first collects several items, put away
 * one after the other.
 */
export function PutawayStation() {
  const t = useTranslations("storage.putaway");
  const names = useProductName();
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
  // Offline there is no suggestion (the server decides which bin is free): the item scanned waits
  // for the bin it goes into, and the putaway is checked when it is sent.
  const [offlineItem, setOfflineItemState] = useState<string | null>(null);
  const offlineItemRef = useRef<string | null>(null);
  const setOfflineItem = (code: string | null) => {
    offlineItemRef.current = code;
    setOfflineItemState(code);
  };
  // Putting away goes through the station action: retried with one scan id, the waiting list refreshed.
  const action = useStationAction({ invalidate: [awaitingPutawayKey] });

  const current = queue[0] ?? null;

  const lookup = (itemCode: string) => apiFetch<PutawayLookup>("/api/station/storage/putaway/lookup", { body: { itemCode } });

  const putawayUrl = "/api/station/storage/putaway";

  /** Offline: into the scanned bin, kept on the device; the server checks the bin when it is sent. */
  async function putOffline(itemCode: string, binCode: string, scanId: string): Promise<ScanFeedback> {
    const body = { itemCode, binCode };
    const feedback = await action.runScan(`putaway:${scanId}`, (id) => apiFetch<PutawayAnswer>(putawayUrl, { body, scanId: id }), {
      answerIn: "scanner",
      answer: (answer) => ({ tone: "success", message: t("stored", { code: answer.item.code, bin: answer.bin.code, occupied: answer.bin.occupied, capacity: answer.bin.capacity }) }),
      offline: { url: putawayUrl, body, summary: { key: "storage.putaway.queuedLine", params: { code: itemCode, bin: binCode } } },
    });
    if (feedback.tone === "queued" || feedback.tone === "success") {
      setOfflineItem(null);
      setDone((d) => [{ code: itemCode, bin: binCode, override: false, queued: feedback.tone === "queued" }, ...d].slice(0, 30));
    }
    return feedback;
  }

  async function putInto(binCode: string, scanId: string): Promise<ScanFeedback> {
    const current = queueRef.current[0] ?? null;
    if (!current && offlineItemRef.current) return putOffline(offlineItemRef.current, binCode, scanId);
    if (!current) return { tone: "error", message: t("scanItemFirst") };
    const body = { itemCode: current.item.code, binCode, suggestedBinCode: current.suggestion?.code };
    let stored: PutawayAnswer | null = null;
    let binFull = false;
    const feedback = await action.runScan(
      `putaway:${scanId}`,
      (id) => apiFetch<PutawayAnswer>(putawayUrl, { body, scanId: id }),
      {
        answerIn: "scanner",
        // The network dropped after the suggestion: kept with the scanned bin, checked when sent.
        offline: { url: putawayUrl, body, summary: { key: "storage.putaway.queuedLine", params: { code: current.item.code, bin: binCode } } },
        answer: (answer) => {
          stored = answer;
          return answer.override
            ? { tone: "warning", message: t("storedOverride", { code: answer.item.code, bin: answer.bin.code, suggested: current.suggestion?.code ?? "-" }) }
            : { tone: "success", message: t("stored", { code: answer.item.code, bin: answer.bin.code, occupied: answer.bin.occupied, capacity: answer.bin.capacity }) };
        },
        refused: (error, text) => {
          binFull = error instanceof ApiError && error.code === "conflict:bin_full";
          return { tone: "error", message: text };
        },
      },
    );
    if (binFull) {
      // Someone took the last slot: show a new suggestion at once.
      const fresh = await lookup(current.item.code).catch(() => null);
      if (fresh) setQueue((q) => [fresh, ...q.slice(1)]);
      return fresh?.suggestion ? { ...feedback, message: `${feedback.message} ${t("newSuggestion", { bin: fresh.suggestion.code })}` } : feedback;
    }
    const answer = stored as PutawayAnswer | null;
    if (feedback.tone === "queued") {
      setDone((d) => [{ code: current.item.code, bin: binCode, override: false, queued: true }, ...d].slice(0, 30));
      const rest = queueRef.current.slice(1);
      setQueue(rest);
      if (!rest.length && toteRef.current) setTote(null);
      return feedback;
    }
    if (!answer) return feedback;
    setDone((d) => [{ code: answer.item.code, bin: answer.bin.code, override: answer.override }, ...d].slice(0, 30));
    const rest = queueRef.current.slice(1);
    // The next item's suggestion is read again: the bin just used may have filled up.
    const refreshed = rest.length ? [await lookup(rest[0].item.code).catch(() => rest[0]), ...rest.slice(1)] : [];
    setQueue(refreshed);
    if (!refreshed.length && toteRef.current) setTote(null);
    const next = refreshed[0] ? ` ${t("next", { code: refreshed[0].item.code, bin: refreshed[0].suggestion?.code ?? "-" })}` : "";
    return { ...feedback, message: feedback.message + next };
  }

  async function takeItem(itemCode: string): Promise<ScanFeedback> {
    const offline = () => {
      setQueue([]);
      setOfflineItem(itemCode);
      return { tone: "warning", message: t("offlineItem", { code: itemCode }) } as const;
    };
    if (!navigator.onLine && !toteRef.current) return offline();
    let found: PutawayLookup;
    try {
      found = await lookup(itemCode);
    } catch (error) {
      // No answer (the network dropped): go on without a suggestion, as offline.
      if (error instanceof ApiError && error.status === 0 && !toteRef.current) return offline();
      throw error;
    }
    setOfflineItem(null);
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

  // A lookup refused (not storable, unknown) is answered by the scanner in the user's language.
  useScanRoutes({
    tote: (scan) => {
      setTote(scan.code);
      return { tone: "success", message: t("toteStarted", { tote: scan.code }) };
    },
    item: (scan) => takeItem(scan.code),
    bin: (scan, scanId) => putInto(scan.code, scanId),
  }, () => ({ tone: "error", message: t("wrongKind") }));

  return (
    <StationLayout>
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
            <h2>{names.name(current.item)}</h2>
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
      ) : offlineItem ? (
        <section className={`card ${styles.target}`} data-testid="putaway-offline">
          <p className={styles.binCode}>{offlineItem}</p>
          <p className="alert alert--warn">{t("offlineNoSuggestion")}</p>
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
                <span>{names.name(q.item)}</span>
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
                <span>{d.queued ? t("queuedBadge") : d.override ? t("override") : ""}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <AwaitingList />
    </StationLayout>
  );
}
