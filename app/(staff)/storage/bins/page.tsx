import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PrintButton } from "@/components/printing/print-button";
import { BinForm } from "@/components/storage/bin-form";
import { StorageNav } from "@/components/storage/storage-nav";
import { BinActiveForm, ZonePathButtons } from "@/components/storage/zone-actions";
import styles from "@/components/storage/storage.module.css";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { listZones } from "@/lib/storage/bins-admin";
import { storageUtilisation } from "@/lib/storage/utilisation";
import { DataTable } from "@/components/table/data-table";
import { TitledSection } from "@/components/table/titled-section";

export async function generateMetadata() {
  const t = await getTranslations("storage.bins");
  return { title: t("title") };
}

/** Zones and bins (managers): utilisation, bulk creation with preview, pick path, labels, deactivation. */
export default async function BinsPage() {
  const staff = await requirePageAccess("/storage/bins");
  const db = await getDb();
  const [zones, utilisation] = await Promise.all([listZones(db, staff.center.id), storageUtilisation(db, staff.center.id)]);
  const t = await getTranslations("storage.bins");
  const format = await getFormatter();
  return (
    <div className="stack">
      <StorageNav current="bins" />
      <h1>{t("title")}</h1>
      <TitledSection title={t("utilisation")} labelled>
        <DataTable
          testId="utilisation"
          rows={utilisation}
          rowKey={(u) => `${u.zoneCode}-${u.sizeClass}`}
          columns={[
            { header: t("zone"), cell: (u) => <>{u.zoneCode} · {u.zoneName}</> },
            { header: t("sizeClass"), cell: (u) => u.sizeClass },
            { header: t("binsCount"), cell: (u) => <>{format.number(u.activeBins)} / {format.number(u.bins)}</> },
            { header: t("used"), cell: (u) => <>{format.number(u.occupied)} / {format.number(u.capacity)}</> },
            {
              header: t("fill"),
              cell: (u) => {
                const share = u.capacity ? u.occupied / u.capacity : 0;
                return (
                  <>
                    <div className={styles.bar} title={format.number(share, { style: "percent" })}>
                      <div className={styles.barFill} style={{ width: `${Math.round(share * 100)}%` }} />
                    </div>
                    {format.number(share, { style: "percent", maximumFractionDigits: 0 })}
                  </>
                );
              },
            },
          ]}
        />
      </TitledSection>
      <BinForm />
      <TitledSection title={t("zones")} labelled>
        <DataTable
          headless
          rows={zones}
          rowKey={(z) => z.id}
          columns={[
            { cell: (z) => <><strong>{z.code}</strong> · {z.name}</> },
            { cell: (z) => t("binsN", { count: z.bins }) },
            {
              cell: (z) =>
                z.firstBin && (
                  <Link href={`/bins/${z.firstBin}`} className="nowrap" data-testid="zone-first-bin">
                    {z.firstBin}
                  </Link>
                ),
            },
            { cell: (z) => <ZonePathButtons zoneCode={z.code} /> },
            {
              className: "row",
              cell: (z) => (
                <>
                  <PrintButton kind="bin_labels" input={{ zoneCode: z.code }} label={t("labelsPrint")} testId={`print-bins-${z.code}`} />
                  <a className="button" href={`/api/station/storage/bins/labels?zone=${z.code}&format=pdf`} target="_blank" rel="noreferrer">{t("labelsPdf")}</a>
                  <a className="button" href={`/api/station/storage/bins/labels?zone=${z.code}&format=zpl`} download>{t("labelsZpl")}</a>
                </>
              ),
            },
          ]}
        />
      </TitledSection>
      <BinActiveForm />
    </div>
  );
}
