"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { PrintButton } from "@/components/printing/print-button";
import { printZplUrl } from "@/components/printing/print-urls";
import { useScanHandler, type ScanFeedback } from "@/components/scanner/scanner-provider";
import { classifyScan } from "@/lib/scan-codes/classify";
import { ShipmentCard } from "./shipment-card";
import type { PackAnswer, PackView } from "./types";
import { useDispatchAction } from "./use-dispatch-action";
import { DispatchStationFrame } from "./dispatch-station-frame";
import styles from "./dispatch.module.css";

export type CarrierOption = { code: string; name: string; issues: boolean };

/**
 * The packing station: scan an item to see where it goes and what goes in the box, choose the
 * carrier, scan the carrier's label (or let the carrier's range issue a number), pack, then print
 * the shipping label and the packing (or return) slip.
 */
export function PackStation({ carriers }: { carriers: CarrierOption[] }) {
  const t = useTranslations("dispatch.pack");
  const [view, setView] = useState<PackView | null>(null);
  const [carrier, setCarrier] = useState<CarrierOption>(carriers[0]);
  const [tracking, setTracking] = useState("");
  const [packed, setPacked] = useState<PackAnswer | null>(null);
  const action = useDispatchAction();

  useScanHandler(async (code): Promise<ScanFeedback> => {
    const scan = classifyScan(code);
    if (scan.kind === "tracking" && view && !packed) {
      setTracking(scan.trackingNumber);
      return { tone: "success", message: t("answers.trackingScanned", { tracking: scan.trackingNumber }) };
    }
    if (scan.kind !== "item") return { tone: "warning", message: t("answers.scanItem") };
    // A lookup only reads; a refusal (not ready to pack) is answered by the scanner in the user's language.
    const next = await apiFetch<PackView>("/api/station/dispatch/pack/lookup", { body: { code: scan.code } }).catch((error: unknown) => {
      setView(null);
      setPacked(null);
      throw error;
    });
    setView(next);
    setPacked(null);
    setTracking("");
    action.tell(null);
    const who = next.shipment.destination === "seller" ? t("toSeller") : t("toBuyer");
    return { tone: next.shipment.destination === "seller" ? "warning" : "success", message: t("answers.found", { code: scan.code, who, name: next.shipment.recipient.name }) };
  });

  function pack() {
    if (!view) return;
    const itemId = view.shipment.itemId;
    const url = "/api/station/dispatch/pack/item";
    const body = { itemId, carrier: carrier.code, ...(tracking ? { trackingNumber: tracking } : {}) };
    // Offline only a parcel whose tracking number was scanned from the carrier's own label can be
    // packed (kept, checked when sent); a label we issue needs the carrier's answer, so it waits.
    const offline = !carrier.issues && tracking ? { url, body, summary: { key: "dispatch.pack.queuedPack", params: { code: view.shipment.itemCode ?? "", tracking } } } : undefined;
    void action.run(
      `pack:${itemId}:${carrier.code}:${tracking}`,
      (scanId) => apiFetch<PackAnswer>(url, { body, scanId }),
      (answer) => {
        setPacked(answer);
        return { tone: "success", message: t("answers.packed", { code: view.shipment.itemCode ?? "", tracking: answer.trackingNumber, count: answer.parcelItems }) };
      },
      offline,
    );
  }

  const needsTracking = !carrier.issues && tracking === "";
  return (
    <DispatchStationFrame heading={<h1>{t("title")}</h1>} answer={action.answer}>
      {!view ? (
        <p className={`card ${styles.hint}`} data-testid="pack-empty">
          {t("scanToStart")}
        </p>
      ) : (
        <>
          <ShipmentCard shipment={packed?.shipment ?? view.shipment} />
          {packed ? (
            <section className={styles.packed} data-testid="pack-done">
              <span>{t("packedInto", { carrier: carriers.find((c) => c.code === packed.shipment.carrier)?.name ?? "" })}</span>
              <p className={`${styles.trackingBig} ${styles.mono}`} data-testid="pack-tracking">
                {packed.trackingNumber}
              </p>
              <div className={styles.actions}>
                <PrintButton kind="shipping_label" input={{ trackingNumber: packed.trackingNumber }} label={t("printLabel")} testId="print-label" primary />
                <PrintButton kind="packing_slip" input={{ trackingNumber: packed.trackingNumber }} label={packed.shipment.destination === "seller" ? t("printReturnSlip") : t("printSlip")} testId="print-slip" />
                <a className="button button--ghost" href={printZplUrl("shipping_label", { trackingNumber: packed.trackingNumber })} data-testid="label-zpl">
                  {t("zpl")}
                </a>
              </div>
              <span className="muted">{t("nextItem")}</span>
            </section>
          ) : (
            <section className="card stack">
              <h2>{t("carrier")}</h2>
              <div className={styles.carriers} role="radiogroup">
                {carriers.map((c) => (
                  <button
                    key={c.code}
                    type="button"
                    role="radio"
                    aria-checked={c.code === carrier.code}
                    className={`button ${c.code === carrier.code ? `button--primary ${styles.carrierOn}` : ""}`}
                    onClick={() => setCarrier(c)}
                    data-testid={`carrier-${c.code}`}
                  >
                    {c.name}
                  </button>
                ))}
              </div>
              <label className="field">
                <span>{carrier.issues ? t("trackingOptional") : t("trackingRequired")}</span>
                <input
                  className={styles.trackingInput}
                  data-testid="pack-tracking-input"
                  value={tracking}
                  onChange={(e) => setTracking(e.target.value.trim())}
                  autoComplete="off"
                  placeholder={t("trackingPlaceholder")}
                />
              </label>
              {view.openParcels.length > 0 && (
                <div className="stack" data-testid="pack-open-parcels">
                  <span>{t("sameRecipient")}</span>
                  <ul className={styles.parcels}>
                    {view.openParcels.map((p) => (
                      <li key={p.trackingNumber}>
                        <button
                          type="button"
                          className="button"
                          onClick={() => {
                            setCarrier(carriers.find((c) => c.code === p.carrier) ?? carrier);
                            setTracking(p.trackingNumber);
                          }}
                        >
                          {t("joinParcel", { tracking: p.trackingNumber, count: p.items })}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <div className={styles.actions}>
                <button type="button" className="button button--primary button--large" disabled={action.busy !== null || needsTracking} onClick={pack} data-testid="pack-submit">
                  {tracking === "" && carrier.issues ? t("packIssue") : t("pack")}
                </button>
              </div>
            </section>
          )}
        </>
      )}
    </DispatchStationFrame>
  );
}
