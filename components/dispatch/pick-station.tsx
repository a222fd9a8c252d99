"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useProductName } from "@/components/i18n/use-product-name";
import { useScanHandler, type ScanFeedback } from "@/components/scanner/scanner-provider";
import type { PickListSummary, PickListView, PickScanAnswer } from "./types";
import { useDispatchAction } from "./use-dispatch-action";
import { DispatchStationFrame } from "./dispatch-station-frame";
import styles from "./dispatch.module.css";

const queueKey = ["dispatch", "pick-lists"];

/**
 * The picking station: take a pick list, then walk the bin path scanning each bin and the item in
 * it (a tote scan collects the next items); an item that is not in its bin is reported short.
 */
export function PickStation() {
  const t = useTranslations("dispatch.pick");
  const names = useProductName();
  const format = useFormatter();
  const errorText = useErrorText();
  const [list, setList] = useState<PickListView | null>(null);
  const action = useDispatchAction([queueKey]);
  const queue = useQuery({
    queryKey: queueKey,
    queryFn: () => apiFetch<{ lists: PickListSummary[] }>("/api/station/dispatch/pick-lists"),
    refetchInterval: 15_000,
    enabled: list === null,
  });

  // Every scan is a station action: retried with its one scan id after a lost answer, never picked twice.
  useScanHandler((code, scanId): Promise<ScanFeedback> | ScanFeedback => {
    if (!list) return { tone: "warning", message: t("takeListFirst") };
    const url = "/api/station/dispatch/pick-lists/scan";
    const body = { pickListId: list.id, code };
    // Offline each bin and item scan is kept and sent in order; the server checks each then.
    return action.scan(
      scanId,
      (id) => apiFetch<PickScanAnswer>(url, { body, scanId: id }),
      (answer) => {
        setList(answer.list);
        return feedbackFor(answer);
      },
      { url, body, summary: { key: "dispatch.pick.queuedScan", params: { code, number: list.number } } },
    );
  });

  function feedbackFor(answer: PickScanAnswer): ScanFeedback {
    if (answer.kind === "tote") return { tone: "success", message: t("answers.tote", { tote: answer.code }) };
    if (answer.kind === "bin") return { tone: "success", message: t("answers.bin", { bin: answer.code }) };
    if (answer.done) return { tone: "success", message: t("answers.done", { code: answer.code, number: answer.list.number }) };
    return { tone: "success", message: t("answers.picked", { code: answer.code, bin: answer.list.next?.binCode ?? "—" }) };
  }

  function claim(summary: PickListSummary) {
    void action.run(
      `claim:${summary.id}`,
      (scanId) => apiFetch<PickListView>("/api/station/dispatch/pick-lists/claim", { body: { scanId, pickListId: summary.id } }),
      (claimed) => {
        setList(claimed);
        return { tone: "success", message: t("answers.claimed", { number: claimed.number, bin: claimed.next?.binCode ?? "—" }) };
      },
    );
  }

  function reportShort() {
    const line = list?.next;
    if (!list || !line) return;
    const url = "/api/station/dispatch/pick-lists/short";
    const body = { pickListId: list.id, lineId: line.id };
    void action.run(
      `short:${line.id}`,
      (scanId) => apiFetch<PickScanAnswer>(url, { body, scanId }),
      (answer) => {
        setList(answer.list);
        return { tone: "warning", message: t("answers.short", { code: line.itemCode ?? "?", bin: line.binCode ?? "—" }) };
      },
      { url, body, summary: { key: "dispatch.pick.queuedShort", params: { code: line.itemCode ?? "?", bin: line.binCode ?? "—" } } },
    );
  }

  if (!list) {
    const lists = queue.data?.lists ?? [];
    return (
      <DispatchStationFrame heading={<h1>{t("title")}</h1>} answer={action.answer}>
        {queue.isError && <div className="alert alert--error">{errorText(queue.error)}</div>}
        {lists.length === 0 ? (
          <p className="card muted" data-testid="pick-empty">
            {queue.isLoading ? "…" : t("empty")}
          </p>
        ) : (
          <ul className={styles.lists} data-testid="pick-lists">
            {lists.map((l) => (
              <li key={l.id} className={styles.listCard} data-testid="pick-list" data-number={l.number}>
                <p className={styles.listNumber}>{t("listNumber", { number: l.number })}</p>
                <span>{t("counts", { pending: l.pending, lines: l.lines })}</span>
                {l.firstBin && <span className={styles.mono}>{t("firstBin", { bin: l.firstBin.replaceAll("-", "\u2011") /* non-breaking hyphens: the code never wraps */ })}</span>}
                {l.shipBy && <span className="muted">{t("shipBy", { time: format.dateTime(new Date(l.shipBy), { dateStyle: "short", timeStyle: "short", hourCycle: "h23" }) })}</span>}
                {l.claimedBy && !l.mine ? (
                  <span className="muted">{t("takenBy", { name: l.claimedBy.name })}</span>
                ) : (
                  <button type="button" className="button button--primary" disabled={action.busy !== null} onClick={() => claim(l)} data-testid="pick-claim">
                    {l.mine ? t("continue") : t("take")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </DispatchStationFrame>
    );
  }

  const next = list.next;
  return (
    <DispatchStationFrame
      heading={
        <div className={styles.head}>
          <h1>{t("listNumber", { number: list.number })}</h1>
          <span className={styles.mono} data-testid="pick-tote">
            {list.toteCode ? t("tote", { tote: list.toteCode }) : t("noTote")}
          </span>
          <button type="button" className="button button--ghost" onClick={() => setList(null)} data-testid="pick-back">
            {t("back")}
          </button>
        </div>
      }
      answer={action.answer}
    >
      {next ? (
        <section className={styles.next} data-testid="pick-next">
          <span className="muted">{list.currentBin === next.binCode ? t("scanItem") : t("goTo")}</span>
          <p className={`${styles.nextBin} ${styles.mono}`}>{next.binCode ?? t("noBin")}</p>
          <p className={styles.nextItem}>
            <strong className={styles.mono}>{next.itemCode}</strong> · {names.name(next)} · {t("size", { size: next.size })}
          </p>
          <div className={styles.actions}>
            <button type="button" className="button button--danger" disabled={action.busy !== null} onClick={reportShort} data-testid="pick-short">
              {t("notInBin")}
            </button>
          </div>
        </section>
      ) : (
        <section className={styles.packed} data-testid="pick-done">
          <strong>{t("listDone")}</strong>
          <span>{t("toPacking")}</span>
        </section>
      )}
      <table className={`table ${styles.lines}`} data-testid="pick-lines">
        <thead>
          <tr>
            <th>#</th>
            <th>{t("bin")}</th>
            <th>{t("item")}</th>
            <th>{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {list.lines.map((l) => (
            <tr
              key={l.id}
              data-testid="pick-line"
              data-status={l.status}
              className={l.status === "picked" ? styles.lineDone : l.status === "short" ? styles.lineShort : l.id === next?.id ? styles.lineCurrent : undefined}
            >
              <td>{l.sequence}</td>
              <td className={`${styles.mono} ${styles.nowrap}`}>{l.binCode ?? "—"}</td>
              <td>
                <span className={styles.mono}>{l.itemCode}</span> · {names.name(l)} · {l.size}
              </td>
              <td>
                <span className={`${styles.pill} ${styles[`pill_${l.status}`] ?? ""}`}>{t(`lineStatus.${l.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </DispatchStationFrame>
  );
}
