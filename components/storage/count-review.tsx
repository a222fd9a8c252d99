"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useProductName } from "@/components/i18n/use-product-name";
import { useStationAction } from "@/components/station/use-station-action";
import type { CountDifferenceView, CountReview } from "@/lib/storage/reconcile-count";
import styles from "./storage.module.css";

/** Submitted counts and their differences; the manager resolves each one. */
export function CountReviewList({ counts }: { counts: CountReview[] }) {
  const t = useTranslations("storage.counts");
  if (counts.length === 0) return <p className="muted">{t("nothingToReview")}</p>;
  return (
    <div className="stack">
      {counts.map((c) => (
        <section key={c.id} className="card" data-testid={`review-${c.binCode}`}>
          <h3>
            <span className={styles.code}>{c.binCode}</span> · {t("countedBy", { name: c.countedBy ?? "-" })}
          </h3>
          {c.differences.map((d) => (
            <DifferenceRow key={d.id} diff={d} />
          ))}
        </section>
      ))}
    </div>
  );
}

function DifferenceRow({ diff }: { diff: CountDifferenceView }) {
  const t = useTranslations("storage.counts");
  const names = useProductName();
  const tStates = useTranslations("states");
  const router = useRouter();
  const [binCode, setBinCode] = useState("");
  const action = useStationAction();
  const busy = action.busy !== null;
  const error = action.answer?.tone === "error" ? action.answer.message : null;

  function resolve(resolution: string, extra: Record<string, string> = {}) {
    void action.run(
      `resolve:${diff.id}:${resolution}:${extra.binCode ?? ""}`,
      (scanId) => apiFetch("/api/station/storage/counts/resolve", { body: { differenceId: diff.id, resolution, ...extra }, scanId }),
      {
        answer: () => {
          router.refresh();
          return null;
        },
      },
    );
  }

  return (
    <div className={styles.diff} data-testid={`diff-${diff.code}`}>
      <span className={styles[`kind_${diff.kind}`]}>{t(`kind.${diff.kind}`)}</span>
      <span>
        <span className={styles.code}>{diff.code}</span> {diff.productName !== null ? names.name({ ...diff, productName: diff.productName }) : t("unknownCode")}
        {diff.state && <span className="muted"> · {tStates(diff.state as "stored")}</span>}
        {diff.kind === "unexpected" && <span className="muted"> · {t("recordedIn", { bin: diff.recordedBin ?? "—" })}</span>}
        {error && <span className="alert alert--error">{error}</span>}
      </span>
      {diff.resolution ? (
        <span className={styles.done}>{t(`resolution.${diff.resolution}`)}</span>
      ) : diff.kind === "missing" ? (
        <span className="row">
          <button type="button" className="button button--danger" disabled={busy} onClick={() => resolve("marked_missing")}>{t("markMissing")}</button>
          <input aria-label={t("foundInBin")} placeholder="BIN-…" value={binCode} onChange={(e) => setBinCode(e.target.value.toUpperCase())} style={{ width: "11rem" }} />
          <button type="button" className="button" disabled={busy || !binCode} onClick={() => resolve("moved_found_elsewhere", { binCode })}>{t("foundElsewhere")}</button>
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => resolve("no_change")}>{t("noChange")}</button>
        </span>
      ) : (
        <span className="row">
          {diff.itemId && <button type="button" className="button button--primary" disabled={busy} onClick={() => resolve("moved_here")}>{t("moveHere")}</button>}
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => resolve("no_change")}>{t("noChange")}</button>
        </span>
      )}
    </div>
  );
}
