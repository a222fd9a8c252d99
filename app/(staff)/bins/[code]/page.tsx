import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import styles from "@/components/storage/storage.module.css";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { isDomainError } from "@/lib/errors/domain-error";
import { productNameIn } from "@/lib/catalog/product-name";
import { findBinView, type BinView } from "@/lib/storage/bin-view";
import { DataTable } from "@/components/table/data-table";

/** One bin: what is in it, free capacity, last count (staff of the center; blind to operators while it is counted). */
export default async function BinPage({ params }: { params: Promise<{ code: string }> }) {
  const staff = await requirePageAccess("/bins/[code]");
  const { code } = await params;
  let bin: BinView;
  try {
    bin = await findBinView(await getDb(), staff.ctx, decodeURIComponent(code));
  } catch (error) {
    if (isDomainError(error) && error.kind === "not_found") notFound();
    throw error;
  }
  const t = await getTranslations("storage.bin");
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  return (
    <div className="stack">
      <section className={`card ${styles.target}`}>
        <p className="muted">{t("zone", { zone: bin.zoneCode, name: bin.zoneName })}</p>
        <h1 className={styles.binCode}>{bin.code}</h1>
        <p data-testid="bin-summary">
          {bin.occupied === null || bin.free === null
            ? t("summaryBlind", { sizeClass: bin.sizeClass, capacity: bin.capacity })
            : t("summary", { sizeClass: bin.sizeClass, occupied: bin.occupied, capacity: bin.capacity, free: bin.free })}
          {!bin.active && <strong> · {t("inactive")}</strong>}
        </p>
        <p>{t("lastCounted", { when: when(bin.lastCountedAt) })}{bin.openCount ? ` · ${t("openCount")}` : ""}</p>
      </section>
      {bin.blind ? (
        <p className="alert alert--warn" data-testid="bin-blind">{t("blind")}</p>
      ) : (
        <DataTable
          testId="bin-contents"
          rows={bin.items}
          rowKey={(i) => i.id}
          columns={[
            { header: t("item"), className: styles.code, cell: (i) => i.code },
            { header: t("product"), cell: (i) => <>{productNameIn(locale, i)} · {i.size}</> },
            { header: t("storedAt"), cell: (i) => when(i.storedAt) },
          ]}
          closingRows={
            bin.items.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">{t("empty")}</td>
              </tr>
            )
          }
        />
      )}
    </div>
  );
}
