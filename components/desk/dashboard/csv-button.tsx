"use client";

import { useTranslations } from "next-intl";

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Downloads a table as CSV (UTF-8 with BOM, so spreadsheet programs read Korean right). */
export function CsvButton({ name, header, rows }: { name: string; header: string[]; rows: unknown[][] }) {
  const t = useTranslations("desk.dashboard");
  return (
    <button
      type="button"
      className="button"
      data-testid={`csv-${name}`}
      onClick={() => {
        const text = [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n");
        const url = URL.createObjectURL(new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" }));
        const a = document.createElement("a");
        a.href = url;
        a.download = `${name}.csv`;
        a.click();
        URL.revokeObjectURL(url);
      }}
    >
      {t("csv")}
    </button>
  );
}
