"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useQueuedCount } from "@/components/offline/use-queued-count";
import { PrintButton } from "@/components/printing/print-button";
import { useScanHandler, type ScanFeedback } from "@/components/scanner/scanner-provider";
import { classifyScan } from "@/lib/scan-codes/classify";
import type { CarrierOption } from "./pack-station";
import type { AddParcelAnswer, CloseManifestAnswer, ManifestView } from "./types";
import { useDispatchAction } from "./use-dispatch-action";
import { DispatchStationFrame } from "./dispatch-station-frame";
import styles from "./dispatch.module.css";
import { DataTable } from "@/components/table/data-table";
import { EmptyNote } from "@/components/table/empty-note";

const manifestsKey = ["dispatch", "manifests"];
const addUrl = "/api/station/dispatch/manifests/add";

/**
 * Handover to a carrier: open a manifest for the pickup, scan each parcel onto it, close it when
 * the driver leaves (the items become dispatched), print the manifest sheet for the signature.
 */
export function HandoverStation({ carriers }: { carriers: CarrierOption[] }) {
  const t = useTranslations("dispatch.handover");
  const tKinds = useTranslations("scanKinds");
  const format = useFormatter();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useDispatchAction([manifestsKey]);
  const manifests = useQuery({
    queryKey: manifestsKey,
    queryFn: () => apiFetch<{ manifests: ManifestView[] }>("/api/station/dispatch/manifests"),
  });
  const list = manifests.data?.manifests ?? [];
  const active = list.find((m) => m.id === activeId) ?? null;
  // Parcels scanned onto it offline, still queued: it may be closed behind them.
  const queuedParcels = useQueuedCount((scan) => scan.request.url === addUrl && scan.request.body.manifestId === activeId);

  // A parcel scan is a station action (retried with its scan id: on the manifest once); the list refreshes after.
  useScanHandler((code, scanId): Promise<ScanFeedback> | ScanFeedback => {
    if (!active || active.status !== "open") return { tone: "warning", message: t("openFirst") };
    // A parcel is its carrier's tracking number: an item label, a bin or a tote is not one.
    const scan = classifyScan(code);
    if (scan.kind !== "tracking") return { tone: "error", message: t("answers.notAParcel", { code, kind: tKinds(scan.kind === "invalid" ? scan.looksLike : scan.kind) }) };
    const url = addUrl;
    const body = { manifestId: active.id, trackingNumber: code };
    // Offline each parcel scan is kept and put on the manifest, in order, when the network is back.
    return action.scan(
      scanId,
      (id) => apiFetch<AddParcelAnswer>(url, { body, scanId: id }),
      (answer) => ({ tone: "success", message: t("answers.added", { tracking: answer.trackingNumber, parcels: answer.manifest.parcels.length }) }),
      { url, body, summary: { key: "dispatch.handover.queuedAdd", params: { tracking: code, carrier: active.carrierName } } },
    );
  });

  function open(carrier: CarrierOption) {
    void action.run(
      `open:${carrier.code}:${Date.now()}`,
      (scanId) => apiFetch<ManifestView>("/api/station/dispatch/manifests/open", { body: { scanId, carrier: carrier.code } }),
      (m) => {
        setActiveId(m.id);
        return { tone: "success", message: t("answers.opened", { carrier: m.carrierName }) };
      },
    );
  }

  function close(m: ManifestView) {
    setConfirming(false);
    const url = "/api/station/dispatch/manifests/close";
    const body = { manifestId: m.id };
    // Offline the close is kept behind the parcel scans queued before it.
    void action.run(
      `close:${m.id}`,
      (scanId) => apiFetch<CloseManifestAnswer>(url, { body, scanId }),
      (answer) => ({ tone: "success", message: t("answers.closed", { count: answer.dispatched, carrier: answer.manifest.carrierName }) }),
      { url, body, summary: { key: "dispatch.handover.queuedClose", params: { carrier: m.carrierName } } },
    );
  }

  return (
    <DispatchStationFrame heading={<h1>{t("title")}</h1>} answer={action.answer}>
      <section className="card stack">
        <h2>{t("openNew")}</h2>
        <div className={styles.carriers}>
          {carriers.map((c) => (
            <button key={c.code} type="button" className="button" disabled={action.busy !== null} onClick={() => open(c)} data-testid={`open-${c.code}`}>
              {t("openFor", { carrier: c.name })}
            </button>
          ))}
        </div>
      </section>
      {active && (
        <section className={`card stack`} data-testid="manifest-active" data-status={active.status}>
          <div className={styles.head}>
            <h2>{t("manifestOf", { carrier: active.carrierName })}</h2>
            <span className={`${styles.pill} ${styles[`pill_${active.status}`]}`}>{t(`status.${active.status}`)}</span>
          </div>
          <p className={styles.hint} data-testid="manifest-count">
            {t("count", { parcels: active.parcels.length, items: active.itemCount })}
          </p>
          {active.status === "open" && <p className="muted">{t("scanParcels")}</p>}
          {active.parcels.length > 0 && (
            <DataTable
              testId="manifest-parcels"
              rows={active.parcels}
              rowKey={(p) => p.trackingNumber}
              rowProps={() => ({ "data-testid": "manifest-parcel" })}
              columns={[
                { header: t("tracking"), className: styles.mono, cell: (p) => p.trackingNumber },
                {
                  header: t("recipient"),
                  cell: (p) => (
                    <>
                      {p.recipientName} <span className={`${styles.pill} ${styles[`pill_${p.destination}`]}`}>{p.destination === "seller" ? t("return") : t("buyer")}</span>
                    </>
                  ),
                },
                { header: t("items"), cell: (p) => p.items },
              ]}
            />
          )}
          <div className={styles.actions}>
            <PrintButton kind="manifest" input={{ manifestId: active.id }} label={t("printSheet")} testId="print-manifest" />
            {active.status === "open" &&
              (confirming ? (
                <>
                  <button type="button" className="button button--danger button--large" onClick={() => close(active)} data-testid="manifest-close-confirm">
                    {t("confirmClose", { count: active.itemCount })}
                  </button>
                  <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
                    {t("cancel")}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="button button--primary button--large"
                  disabled={action.busy !== null || active.parcels.length + queuedParcels === 0}
                  onClick={() => setConfirming(true)}
                  data-testid="manifest-close"
                >
                  {t("close")}
                </button>
              ))}
          </div>
        </section>
      )}
      <section className="stack">
        <h2>{t("today")}</h2>
        {list.length === 0 ? (
          <EmptyNote plain>{t("none")}</EmptyNote>
        ) : (
          <ul className={styles.lists} data-testid="manifests">
            {list.map((m) => (
              <li key={m.id} className={styles.listCard} data-testid="manifest" data-status={m.status}>
                <strong>{m.carrierName}</strong>
                <span>{t("count", { parcels: m.parcels.length, items: m.itemCount })}</span>
                <span className="muted">{format.dateTime(new Date(m.closedAt ?? m.createdAt), { timeStyle: "short", hourCycle: "h23" })}</span>
                <span className={`${styles.pill} ${styles[`pill_${m.status}`]}`}>{t(`status.${m.status}`)}</span>
                <button type="button" className="button" onClick={() => setActiveId(m.id)} data-testid="manifest-select">
                  {m.status === "open" ? t("continue") : t("view")}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </DispatchStationFrame>
  );
}
