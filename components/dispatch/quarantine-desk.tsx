"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useProductName } from "@/components/i18n/use-product-name";
import { useScanHandler, type ScanFeedback } from "@/components/scanner/scanner-provider";
import { quarantineListLimit } from "@/lib/dispatch/quarantine-list-limit";
import { classifyScan } from "@/lib/scan-codes/classify";
import type { QuarantineEntry } from "./types";
import { useDispatchAction } from "./use-dispatch-action";
import { DispatchStationFrame } from "./dispatch-station-frame";
import styles from "./dispatch.module.css";
import { DataTable } from "@/components/table/data-table";
import { EmptyNote } from "@/components/table/empty-note";

const quarantineKey = ["dispatch", "quarantine"];
const decisions = ["return_to_seller", "hand_to_brand", "hand_to_authorities", "keep_as_evidence"] as const;
type Decision = (typeof decisions)[number];

/**
 * Quarantine: confirmed counterfeits held apart. Scan an item and then a quarantine bin to shelve
 * it; a manager decides each item's fate with a reason and a photo.
 */
export function QuarantineDesk({ canDecide }: { canDecide: boolean }) {
  const t = useTranslations("dispatch.quarantine");
  const tv = useTranslations("inspection.verdicts");
  const ts = useTranslations("states");
  const names = useProductName();
  const format = useFormatter();
  const locale = useLocale();
  const [pendingItem, setPendingItem] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<string | null>(null);
  const action = useDispatchAction([quarantineKey]);
  const query = useQuery({ queryKey: quarantineKey, queryFn: () => apiFetch<{ items: QuarantineEntry[] }>("/api/station/dispatch/quarantine") });
  const entries = query.data?.items ?? [];

  useScanHandler(async (code, scanId): Promise<ScanFeedback> => {
    const scan = classifyScan(code);
    if (scan.kind === "item") {
      // An item not in quarantine (the list is whole below its limit) is told at once, not after its
      // bin; a scan before the list has come waits for it (offline: taken, checked when sent).
      const list = query.data?.items ?? (await query.refetch()).data?.items;
      if (list && list.length < quarantineListLimit && !list.some((e) => e.itemCode === scan.code)) {
        setPendingItem(null);
        return { tone: "error", message: t("answers.notQuarantined", { code: scan.code }) };
      }
      setPendingItem(scan.code);
      return { tone: "success", message: t("answers.itemScanned", { code: scan.code }) };
    }
    if (scan.kind === "bin" && pendingItem) {
      return action.scan(
        scanId,
        (id) => apiFetch("/api/station/dispatch/quarantine/bin", { body: { itemCode: pendingItem, binCode: scan.code }, scanId: id }),
        () => {
          setPendingItem(null);
          return { tone: "success", message: t("answers.binned", { code: pendingItem, bin: scan.code }) };
        },
      );
    }
    return { tone: "warning", message: t("answers.scanItemThenBin") };
  });

  return (
    <DispatchStationFrame
      heading={
        <>
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
        </>
      }
      answer={action.answer}
    >
      <DataTable
        testId="quarantine-table"
        rows={entries}
        empty={<EmptyNote>{query.isLoading ? "…" : t("empty")}</EmptyNote>}
        rowKey={(e) => e.itemId}
        rowProps={(e) => ({ "data-testid": "quarantine-row", "data-code": e.itemCode ?? "" })}
        columns={[
          {
            header: t("item"),
            cell: (e) => (
              <>
                <strong className={styles.mono}>{e.itemCode}</strong>
                <div>
                  {names.name(e)} · {e.size}
                </div>
                <div className="muted">{format.dateTime(new Date(e.since), { dateStyle: "short", timeStyle: "short", hourCycle: "h23" })}</div>
              </>
            ),
          },
          {
            header: t("verdict"),
            cell: (e) => (
              <>
                {e.verdict ? (tv.has(e.verdict) ? tv(e.verdict) : e.verdict) : "—"}
                {e.reasons.length > 0 && <div className="muted">{e.reasons.map((r) => (locale === "ko" ? r.labelKo : r.labelEn)).join(", ")}</div>}
              </>
            ),
          },
          { header: t("bin"), className: `${styles.mono} ${styles.nowrap}`, cell: (e) => e.binCode ?? t("noBin") },
          {
            header: t("state"),
            cell: (e) => (
              <>
                {ts(e.state)}
                {e.decisions.map((d, i) => (
                  <div key={i} className="muted">
                    {t(`decisions.${d.decision}`)}: {d.reason}
                  </div>
                ))}
              </>
            ),
          },
          {
            cell: (e) =>
              canDecide &&
              (deciding === e.itemId ? (
                <DecisionForm
                  entry={e}
                  busy={action.busy !== null}
                  onCancel={() => setDeciding(null)}
                  onSubmit={(form, decision) =>
                    void action.run(
                      `decide:${e.itemId}:${decision}`,
                      (scanId) => apiFetch<{ itemCode: string; state: string }>("/api/station/dispatch/quarantine/decide", { body: form, scanId }),
                      (r) => {
                        setDeciding(null);
                        return { tone: "success", message: t("answers.decided", { code: r.itemCode, state: ts(r.state) }) };
                      },
                    )
                  }
                />
              ) : (
                <button type="button" className="button" onClick={() => setDeciding(e.itemId)} data-testid="quarantine-decide">
                  {t("decide")}
                </button>
              )),
          },
        ]}
      />
    </DispatchStationFrame>
  );
}

function DecisionForm(props: { entry: QuarantineEntry; busy: boolean; onCancel: () => void; onSubmit: (form: FormData, decision: Decision) => void }) {
  const t = useTranslations("dispatch.quarantine");
  const [decision, setDecision] = useState<Decision>("return_to_seller");
  const [reason, setReason] = useState("");
  const [handedTo, setHandedTo] = useState("");
  const photo = useRef<HTMLInputElement>(null);
  const [hasPhoto, setHasPhoto] = useState(false);
  const allowed = decisions.filter((d) => !(d === "keep_as_evidence" && props.entry.state === "kept_as_evidence"));
  const needsWho = decision === "hand_to_brand" || decision === "hand_to_authorities";
  const ready = reason.trim().length >= 3 && hasPhoto && (!needsWho || handedTo.trim().length > 0);
  return (
    <form
      className="stack"
      data-testid="quarantine-form"
      onSubmit={(event) => {
        event.preventDefault();
        const file = photo.current?.files?.[0];
        if (!file) return;
        const form = new FormData();
        form.set("itemId", props.entry.itemId);
        form.set("decision", decision);
        form.set("reason", reason);
        if (needsWho) form.set("handedTo", handedTo);
        form.set("photo", file);
        props.onSubmit(form, decision);
      }}
    >
      <div className={styles.decision} role="radiogroup">
        {allowed.map((d) => (
          <label key={d} className="row">
            <input type="radio" name={`decision-${props.entry.itemId}`} checked={decision === d} onChange={() => setDecision(d)} data-testid={`decision-${d}`} />
            {t(`decisions.${d}`)}
          </label>
        ))}
      </div>
      {needsWho && (
        <label className="field">
          <span>{t("handedTo")}</span>
          <input value={handedTo} onChange={(e) => setHandedTo(e.target.value)} data-testid="quarantine-handed-to" />
        </label>
      )}
      <label className="field">
        <span>{t("reason")}</span>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} data-testid="quarantine-reason" />
      </label>
      <label className="field">
        <span>{t("photo")}</span>
        <input ref={photo} type="file" accept="image/*" capture="environment" onChange={(e) => setHasPhoto((e.target.files?.length ?? 0) > 0)} data-testid="quarantine-photo" />
      </label>
      <div className="row">
        <button type="submit" className="button button--primary" disabled={!ready || props.busy} data-testid="quarantine-submit">
          {t("confirm")}
        </button>
        <button type="button" className="button button--ghost" onClick={props.onCancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
