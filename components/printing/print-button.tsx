"use client";

import { useTranslations } from "next-intl";
import { ApiError } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import type { PrintResult } from "@/lib/printing/print-document";
import { usePrint, type PrintRequest } from "./use-print";

type Props = PrintRequest & {
  label: string;
  testId?: string;
  primary?: boolean;
  onPrinted?: (result: PrintResult) => void;
};

/**
 * A print button for any print job (see lib/printing/print-jobs.ts): prints at this station
 * without leaving the page, says where it went, and offers a retry when the printer did not answer.
 */
export function PrintButton({ kind, input, label, testId = "print", primary, onPrinted }: Props) {
  const t = useTranslations("printing");
  const { print, retry, busy, error, result } = usePrint({ onPrinted });
  const reason = useErrorText();
  const errorText =
    error instanceof ApiError && error.code === "conflict:printer_unreachable"
      ? t("unreachable")
      : error instanceof ApiError && error.code === "network"
        ? t("offline")
        : error
          ? t("failed", { message: reason(error) })
          : null;
  return (
    <div className="stack" style={{ gap: "0.3rem" }}>
      <button type="button" className={primary ? "button button--primary" : "button"} data-testid={testId} disabled={busy} onClick={() => print({ kind, input })}>
        {busy ? t("printing") : label}
      </button>
      {errorText && !busy && (
        <div className="alert alert--error" role="alert" data-testid="print-error">
          <span>{errorText}</span>{" "}
          <button type="button" className="button" data-testid="print-retry" onClick={retry}>
            {t("retry")}
          </button>
        </div>
      )}
      {result?.via === "printer" && !error && !busy && (
        <span className="muted" role="status" data-testid="print-sent">
          {t("sent", { printer: result.printer })}
        </span>
      )}
    </div>
  );
}
