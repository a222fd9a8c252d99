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
      <section aria-label={t("utilisation")}>
        <h2>{t("utilisation")}</h2>
        <table className="table" data-testid="utilisation">
          <thead>
            <tr>
              <th>{t("zone")}</th>
              <th>{t("sizeClass")}</th>
              <th>{t("binsCount")}</th>
              <th>{t("used")}</th>
              <th>{t("fill")}</th>
            </tr>
          </thead>
          <tbody>
            {utilisation.map((u) => {
              const share = u.capacity ? u.occupied / u.capacity : 0;
              return (
                <tr key={`${u.zoneCode}-${u.sizeClass}`}>
                  <td>{u.zoneCode} · {u.zoneName}</td>
                  <td>{u.sizeClass}</td>
                  <td>{format.number(u.activeBins)} / {format.number(u.bins)}</td>
                  <td>{format.number(u.occupied)} / {format.number(u.capacity)}</td>
                  <td>
                    <div className={styles.bar} title={format.number(share, { style: "percent" })}>
                      <div className={styles.barFill} style={{ width: `${Math.round(share * 100)}%` }} />
                    </div>
                    {format.number(share, { style: "percent", maximumFractionDigits: 0 })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <BinForm />
      <section aria-label={t("zones")}>
        <h2>{t("zones")}</h2>
        <table className="table">
          <tbody>
            {zones.map((z) => (
              <tr key={z.id}>
                <td><strong>{z.code}</strong> · {z.name}</td>
                <td>{t("binsN", { count: z.bins })}</td>
                <td>{z.firstBin && <Link href={`/bins/${z.firstBin}`}>{z.firstBin}</Link>}</td>
                <td><ZonePathButtons zoneCode={z.code} /></td>
                <td className="row">
                  <PrintButton kind="bin_labels" input={{ zoneCode: z.code }} label={t("labelsPrint")} testId={`print-bins-${z.code}`} />
                  <a className="button" href={`/api/station/storage/bins/labels?zone=${z.code}&format=pdf`} target="_blank" rel="noreferrer">{t("labelsPdf")}</a>
                  <a className="button" href={`/api/station/storage/bins/labels?zone=${z.code}&format=zpl`} download>{t("labelsZpl")}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <BinActiveForm />
    </div>
  );
}
