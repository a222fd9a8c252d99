"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
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
  const tStates = useTranslations("states");
  const errorText = useErrorText();
  const router = useRouter();
  const [binCode, setBinCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function resolve(resolution: string, extra: Record<string, string> = {}) {
    setBusy(true);
    setError(null);
    try {
      await apiFetch("/api/station/storage/counts/resolve", { body: { differenceId: diff.id, resolution, ...extra } });
      router.refresh();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.diff} data-testid={`diff-${diff.code}`}>
      <span className={styles[`kind_${diff.kind}`]}>{t(`kind.${diff.kind}`)}</span>
      <span>
        <span className={styles.code}>{diff.code}</span> {diff.productName ?? t("unknownCode")}
        {diff.state && <span className="muted"> · {tStates(diff.state as "stored")}</span>}
        {diff.kind === "unexpected" && <span className="muted"> · {t("recordedIn", { bin: diff.recordedBin ?? "—" })}</span>}
        {error && <span className="alert alert--error">{error}</span>}
      </span>
      {diff.resolution ? (
        <span className={styles.done}>{t(`resolution.${diff.resolution}`)}</span>
      ) : diff.kind === "missing" ? (
        <span className="row">
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void resolve("marked_missing")}>{t("markMissing")}</button>
          <input aria-label={t("foundInBin")} placeholder="BIN-…" value={binCode} onChange={(e) => setBinCode(e.target.value.toUpperCase())} style={{ width: "11rem" }} />
          <button type="button" className="button" disabled={busy || !binCode} onClick={() => void resolve("moved_found_elsewhere", { binCode })}>{t("foundElsewhere")}</button>
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => void resolve("no_change")}>{t("noChange")}</button>
        </span>
      ) : (
        <span className="row">
          {diff.itemId && <button type="button" className="button button--primary" disabled={busy} onClick={() => void resolve("moved_here")}>{t("moveHere")}</button>}
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => void resolve("no_change")}>{t("noChange")}</button>
        </span>
      )}
    </div>
  );
}
