"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { ApiError, apiFetch } from "@/components/http/api-fetch";
import { resizePhoto } from "@/components/inspection/resize-photo";
import { PrintButton } from "@/components/printing/print-button";
import { ScanPanel } from "@/components/scanner/scan-panel";
import { useHandedOverScan } from "@/components/scanner/use-handed-over-scan";
import { useScanHandler, type ScanFeedback } from "@/components/scanner/scanner-provider";
import { ClosePrompt } from "./close-prompt";
import { unconfirmedUnits } from "./unconfirmed-units";
import { CloseResult } from "./close-result";
import { OrderBlock } from "./order-block";
import { OrderSearch } from "./order-search";
import { uploadParcelPhoto } from "./parcel-photo";
import type {
  AttachResult,
  CloseParcelAnswer,
  OrderView,
  ParcelDetail,
  ParcelView,
  ReceiveUnitResult,
  ReceivingScanAnswer,
  UnexpectedUnitResult,
  UnitView,
} from "@/lib/receiving/wire-types";
import { UnexpectedUnitForm, type UnexpectedUnitInput } from "./unexpected-unit-form";
import { UnmatchedPanel } from "./unmatched-panel";
import styles from "./receiving.module.css";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useProductName } from "@/components/i18n/use-product-name";
import { useOfflineQueue } from "@/components/offline/offline-queue-provider";
import { toneClass } from "@/components/station/action-answer";
import { isSettled } from "@/lib/offline/queued-scan";
import { useStationAction } from "@/components/station/use-station-action";

type Panel = "none" | "unexpected" | "search";

/**
 * The receiving station: scan a parcel, confirm each unit in the box (each gets its item code and
 * label), and take the exception paths (unmatched parcel, extra unit, missing units) from here.
 */
export function ReceiveStation() {
  const t = useTranslations("receiving");
  const [detail, setDetail] = useState<ParcelDetail | null>(null);
  const [panel, setPanel] = useState<Panel>("none");
  const [unknown, setUnknown] = useState<string | null>(null);
  const [closed, setClosed] = useState<CloseParcelAnswer | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  // Closing with units not confirmed asks first (the list of them is shown until answered).
  const [askClose, setAskClose] = useState(false);
  // A parcel left for another one while it still had units to confirm: kept one tap away.
  const [previous, setPrevious] = useState<{ id: string; trackingNumber: string; count: number } | null>(null);
  // Labels printed at this station this session: a later print of the same label is a reprint.
  const [printed, setPrinted] = useState<ReadonlySet<string>>(new Set());
  // Units labelled here this session; any other unit's label was printed before (a reprint).
  const [receivedHere, setReceivedHere] = useState<ReadonlySet<string>>(new Set());
  // Every change at this station goes through one action hook: scan id per intent, busy, answer.
  const action = useStationAction();
  const queue = useOfflineQueue();
  // Units whose confirmation waits in the offline queue (shown as queued, not confirmable again).
  const queuedUnits = new Set(queue?.scans.filter((s) => s.userId === queue.user.id && !isSettled(s)).map((s) => s.intent) ?? []);
  const busy = action.busy;
  const notice = action.answer;
  const setNotice = (feedback: ScanFeedback | null) => (feedback ? action.tell(feedback) : action.clear());
  const errorText = useErrorText();
  const productNames = useProductName();

  /** Shows a parcel; answers the parcel left behind with units still to confirm, if any. */
  function showParcel(next: ParcelDetail): { trackingNumber: string; count: number } | null {
    let left: { trackingNumber: string; count: number } | null = null;
    if (detail?.parcel.id !== next.parcel.id) {
      setClosed(null);
      setPanel("none");
      setHighlight(null);
      setAskClose(false);
      const open = unconfirmedUnits(detail);
      if (detail && open.length > 0) {
        left = { trackingNumber: detail.parcel.trackingNumber, count: open.length };
        setPrevious({ id: detail.parcel.id, ...left });
      } else if (previous?.id === next.parcel.id) {
        setPrevious(null);
      }
    }
    setDetail(next);
    return left;
  }

  function answerOf(answer: ReceivingScanAnswer): ScanFeedback {
    if (answer.kind === "unknown") {
      // Nothing expects this number (often a mis-scan of another barcode): ask before recording it.
      setUnknown(answer.trackingNumber);
      return { tone: "warning", message: t("answers.unknownAsk", { tracking: answer.trackingNumber }) };
    }
    setUnknown(null);
    if (answer.kind === "unit") {
      const u = answer.unit;
      setHighlight(u.itemId);
      return {
        tone: "warning",
        message: t("answers.alreadyReceivedUnit", { code: u.code ?? "?", product: productNames.name(u), size: u.size, order: u.orderExternalId }),
      };
    }
    const left = showParcel(answer);
    const feedback = parcelAnswer(answer);
    // The parcel left behind still has units to confirm: warn, and keep it one tap away.
    if (!left) return feedback;
    return { tone: feedback.tone === "error" ? "error" : "warning", message: `${t("answers.leftUnconfirmed", { previous: left.trackingNumber, count: left.count })} ${feedback.message}` };
  }

  function parcelAnswer(answer: Extract<ReceivingScanAnswer, { kind: "parcel" }>): ScanFeedback {
    const tracking = answer.parcel.trackingNumber;
    const orders = answer.orders.filter((o) => !o.placeholder);
    const names = orders.map((o) => o.externalId).join(", ");
    const count = orders.reduce((n, o) => n + o.counts.toReceive, 0);
    switch (answer.outcome) {
      case "matched":
        if (orders.some((o) => o.cancelled)) return { tone: "warning", message: t("answers.matchedCancelled", { tracking, orders: names }) };
        return { tone: "success", message: t("answers.matched", { tracking, orders: names, count }) };
      case "now_matched":
        return { tone: "success", message: t("answers.nowMatched", { tracking, orders: names }) };
      case "unmatched":
        return { tone: "warning", message: t("answers.unmatched", { tracking }) };
      default:
        return { tone: "warning", message: t("answers.alreadyScanned", { tracking }) };
    }
  }

  useScanHandler(async (code, scanId) => {
    setNotice(null);
    // A parcel's units come from the server: without the network the scan must wait.
    if (!navigator.onLine) return { tone: "error", message: t("queued.parcelMustWait", { tracking: code }) };
    try {
      return answerOf(await apiFetch<ReceivingScanAnswer>("/api/station/receiving/scan", { body: { scanId, code } }));
    } catch (error) {
      return { tone: "error", message: errorText(error) };
    }
  });

  // A scan made on another page (a parcel scanned on the home page) arrives as ?scan=…
  useHandedOverScan("/receive");

  function openUnmatched(tracking: string) {
    void action.run(
      `unmatched:${tracking}`,
      (scanId) => apiFetch<ReceivingScanAnswer>("/api/station/receiving/scan", { body: { code: tracking, confirmUnmatched: true }, scanId }),
      { answer: answerOf },
    );
  }

  function run<T>(key: string, work: (scanId: string) => Promise<T>, after: (result: T) => ScanFeedback | null, refused?: (error: unknown, text: string) => ScanFeedback | null) {
    return action.run(key, work, { answer: after, refused });
  }

  async function reload(parcelId: string) {
    showParcel(await apiFetch<ParcelDetail>(`/api/station/receiving/parcels/${parcelId}`));
  }

  /** Back to the parcel left with units to confirm (the one on screen is kept in its place if it has some too). */
  function backToPrevious() {
    if (!previous) return;
    void reload(previous.id).catch(() => action.tell({ tone: "error", message: t("answers.network") }));
  }

  /**
   * Another station acted first (a race for a unit or parcel): the card is reloaded to what really
   * happened, and the person is told so in their language.
   */
  function refreshAfterConflict(parcelId: string) {
    return (error: unknown, text: string): ScanFeedback => {
      if (!(error instanceof ApiError) || !error.code.startsWith("conflict:")) return { tone: "error", message: text };
      void reload(parcelId).catch(() => undefined);
      if (error.code === "conflict:already_received") return { tone: "warning", message: t("answers.raceLost", { code: String(error.params.code ?? "?") }) };
      return { tone: "error", message: `${text} ${t("answers.refreshed")}` };
    };
  }

  function confirmUnit(unit: UnitView) {
    if (!detail) return;
    const parcelId = detail.parcel.id;
    const url = "/api/station/receiving/units/receive";
    const body = { parcelId, itemId: unit.itemId };
    const order = detail.orders.find((o) => o.id === unit.orderId);
    // Offline the confirmation is kept on the device (the item code and label come once it is sent).
    void action.run(unit.itemId, (scanId) => apiFetch<ReceiveUnitResult>(url, { body, scanId }), {
      answer: (answer) => {
        setDetail((current) => current && replaceUnit(current, answer));
        setHighlight(answer.unit.itemId);
        setReceivedHere((set) => new Set(set).add(answer.unit.itemId));
        const code = answer.unit.code ?? "?";
        return answer.outcome === "received_for_return"
          ? { tone: "warning", message: t("answers.unitForReturn", { code }) }
          : { tone: "success", message: t("answers.unitReceived", { code, received: answer.order.counts.received, announced: answer.order.counts.announced }) };
      },
      refused: refreshAfterConflict(parcelId),
      offline: {
        url,
        body,
        summary: { key: "receiving.queued.unit", params: { product: productNames.name(unit), size: unit.size, order: order?.externalId ?? "", tracking: detail.parcel.trackingNumber } },
      },
    });
  }

  function recordUnexpected(input: UnexpectedUnitInput) {
    if (!detail) return;
    const parcelId = detail.parcel.id;
    void run(
      `unexpected:${parcelId}`,
      (scanId) => apiFetch<UnexpectedUnitResult>("/api/station/receiving/units/unexpected", { body: { scanId, parcelId, ...input } }),
      (answer) => {
        setPanel("none");
        setHighlight(answer.unit.itemId);
        setReceivedHere((set) => new Set(set).add(answer.unit.itemId));
        void reload(parcelId).catch(() => undefined);
        return { tone: "warning", message: t("answers.unexpectedReceived", { code: answer.unit.code ?? "?" }) };
      },
    );
  }

  function closeParcel(confirmed = false) {
    if (!detail) return;
    const parcelId = detail.parcel.id;
    const open = unconfirmedUnits(detail);
    if (open.length > 0 && !confirmed) {
      setAskClose(true);
      action.tell({ tone: "warning", message: t("answers.closePrompt", { count: open.length }) });
      return;
    }
    setAskClose(false);
    void run(
      `close:${parcelId}`,
      (scanId) => apiFetch<CloseParcelAnswer>("/api/station/receiving/parcels/close", { body: { parcelId }, scanId }),
      (answer) => {
        setClosed(answer);
        setPanel("none");
        // The missing units are recorded: they no longer offer "confirm in box".
        const missing = answer.missing.map((u) => u.itemId);
        setDetail((current) => (current && current.parcel.id === answer.parcel.id ? { ...current, missingAtClose: missing } : current));
        if (previous?.id === answer.parcel.id) setPrevious(null);
        const tracking = answer.parcel.trackingNumber;
        return answer.missing.length > 0
          ? { tone: "warning", message: t("answers.closedMissing", { tracking, received: answer.received, missing: answer.missing.length }) }
          : { tone: "success", message: t("answers.closedComplete", { tracking, received: answer.received }) };
      },
      refreshAfterConflict(parcelId),
    );
  }

  function attach(order: OrderView) {
    const parcelId = detail?.parcel.status === "unmatched" ? detail.parcel.id : undefined;
    void run(
      `attach:${parcelId ?? "nolabel"}:${order.id}`,
      (scanId) => apiFetch<AttachResult>("/api/station/receiving/parcels/attach", { body: { scanId, orderId: order.id, parcelId } }),
      (answer) => {
        showParcel(answer);
        setPanel("none");
        const count = answer.orders.reduce((n, o) => n + o.counts.toReceive, 0);
        return { tone: "success", message: t("answers.attached", { tracking: answer.parcel.trackingNumber, order: order.externalId, count }) };
      },
    );
  }

  function saveNote(note: string) {
    if (!detail) return;
    const parcelId = detail.parcel.id;
    void run(
      `note:${parcelId}:${note}`,
      (scanId) => apiFetch<ParcelView>("/api/station/receiving/parcels/note", { body: { parcelId, note }, scanId }),
      (parcel) => {
        setDetail((current) => (current && current.parcel.id === parcel.id ? { ...current, parcel } : current));
        return { tone: "success", message: t("answers.noteSaved") };
      },
    );
  }

  function savePhoto(file: File) {
    if (!detail) return;
    const parcelId = detail.parcel.id;
    void run(
      `photo:${parcelId}:${file.name}:${file.size}:${file.lastModified}`,
      async (scanId) => uploadParcelPhoto(parcelId, await resizePhoto(file), scanId),
      (parcel) => {
        setDetail((current) => (current && current.parcel.id === parcel.id ? { ...current, parcel } : current));
        return { tone: "success", message: t("answers.photoSaved") };
      },
    );
  }

  const markPrinted = useCallback((itemId: string) => setPrinted((set) => new Set(set).add(itemId)), []);
  const alreadyPrinted = new Set([...printed, ...(detail?.orders.flatMap((o) => o.units.map((u) => u.itemId)).filter((id) => !receivedHere.has(id)) ?? [])]);

  const parcel = detail?.parcel;
  const receivedIds = detail?.orders.flatMap((o) => o.units.filter((u) => u.code).map((u) => u.itemId)) ?? [];
  const canConfirm = parcel?.status === "received";
  const missingAtClose = new Set(detail?.missingAtClose ?? []);
  // A parcel of a cancelled order is a warning, never a green "matched".
  const cancelledParcel = parcel?.status === "received" && (detail?.orders.some((o) => !o.placeholder && o.cancelled) ?? false);
  const statusKey = cancelledParcel ? "cancelled" : parcel?.status;

  return (
    <div className={styles.station}>
      <div className={styles.main}>
        {unknown && (
          <section className="card stack alert alert--warn" data-testid="unknown-parcel" role="alertdialog" aria-labelledby="unknown-parcel-title">
            <h2 id="unknown-parcel-title">{t("unknownParcel.title", { tracking: unknown })}</h2>
            <p>{t("unknownParcel.body")}</p>
            <div className="row">
              <button type="button" className="button button--primary button--large" disabled={busy !== null} onClick={() => openUnmatched(unknown)}>
                {t("unknownParcel.open")}
              </button>
              <button type="button" className="button button--large" onClick={() => setUnknown(null)}>
                {t("unknownParcel.cancel")}
              </button>
            </div>
          </section>
        )}
        {previous && previous.id !== parcel?.id && (
          <section className="card row alert alert--warn" data-testid="previous-parcel" role="status">
            <span>{t("previousParcel.body", { tracking: previous.trackingNumber, count: previous.count })}</span>
            <button type="button" className="button button--primary" onClick={backToPrevious} data-testid="back-to-previous">
              {t("previousParcel.back", { tracking: previous.trackingNumber })}
            </button>
          </section>
        )}
        {!parcel ? (
          <section className={`card ${styles.empty}`} data-testid="no-parcel">
            <h1>{t("title")}</h1>
            <p className={styles.bigHint}>{t("noParcel")}</p>
            {panel === "search" ? (
              <OrderSearch busy={busy !== null} onAttach={attach} />
            ) : (
              <button type="button" className="button" onClick={() => setPanel("search")}>
                {t("actions.noLabel")}
              </button>
            )}
          </section>
        ) : (
          <>
            <section className={`card ${styles.parcel}`} data-testid="parcel" data-status={parcel.status} data-parcel-id={parcel.id}>
              <div className={styles.parcelHead}>
                <div>
                  <span className="muted">{t("parcel")}</span>
                  <h1 className={styles.tracking} data-testid="parcel-tracking">
                    {parcel.trackingNumber}
                  </h1>
                </div>
                <span className={`${styles.status} ${styles[`status_${statusKey}`]}`} data-testid="parcel-status" data-tone={cancelledParcel || parcel.status === "unmatched" ? "warning" : undefined}>
                  {t(`parcelStatus.${statusKey}`)}
                </span>
              </div>
              <div className={styles.actions}>
                {parcel.status !== "resolved" && (
                  <button type="button" className="button" onClick={() => setPanel(panel === "unexpected" ? "none" : "unexpected")} data-testid="open-unexpected">
                    {t("actions.unexpected")}
                  </button>
                )}
                {parcel.status === "received" && (
                  <button type="button" className="button" disabled={busy !== null} onClick={() => closeParcel()} data-testid="close-parcel">
                    {t("actions.close")}
                  </button>
                )}
                {receivedIds.length > 1 && (
                  <PrintButton kind="item_labels" input={{ itemIds: receivedIds }} testId="print-all" label={t("printAll")} />
                )}
              </div>
              {notice && (
                <p className={`alert ${toneClass[notice.tone]}`} data-testid="receive-notice" data-tone={notice.tone} role="status">
                  {notice.message}
                </p>
              )}
            </section>
            {askClose && (
              <ClosePrompt units={unconfirmedUnits(detail)} busy={busy !== null} onConfirm={() => closeParcel(true)} onCancel={() => setAskClose(false)} />
            )}
            {panel === "unexpected" && (
              <UnexpectedUnitForm orders={detail.orders} busy={busy !== null} onSubmit={recordUnexpected} onCancel={() => setPanel("none")} />
            )}
            {closed && closed.parcel.id === parcel.id && <CloseResult result={closed} />}
            {parcel.status === "unmatched" && (
              <UnmatchedPanel
                parcel={parcel}
                busy={busy !== null}
                uploading={busy?.startsWith(`photo:${parcel.id}:`) ?? false}
                onAttach={attach}
                onNote={saveNote}
                onPhoto={savePhoto}
              />
            )}
            {detail.orders.map((order) => (
              <OrderBlock
                key={order.id}
                order={order}
                canConfirm={canConfirm}
                missingAtClose={missingAtClose}
                busyItem={busy}
                highlightedItem={highlight}
                printed={alreadyPrinted}
                queued={queuedUnits}
                onConfirm={confirmUnit}
                onPrinted={markPrinted}
              />
            ))}
          </>
        )}
      </div>
      <aside className={styles.side}>
        <ScanPanel />
      </aside>
    </div>
  );
}

/** The parcel detail with one unit (and its order's counts) replaced by the server's answer. */
function replaceUnit(detail: ParcelDetail, answer: ReceiveUnitResult): ParcelDetail {
  return {
    ...detail,
    orders: detail.orders.map((order) =>
      order.id !== answer.order.id
        ? order
        : { ...order, counts: answer.order.counts, units: order.units.map((u) => (u.itemId === answer.unit.itemId ? answer.unit : u)) },
    ),
  };
}
