import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ManagerLinks } from "@/components/receiving/manager-links";
import { ParcelPhotoThumb } from "@/components/receiving/parcel-photo-thumb";
import { ResolveParcelForm } from "@/components/receiving/resolve-parcel-form";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { listUnmatchedParcels } from "@/lib/receiving/unmatched-parcels";
import styles from "@/components/receiving/receiving.module.css";

export const dynamic = "force-dynamic";

/** The manager's queue of parcels that matched no order: link each to its order or return it. */
export default async function UnmatchedParcelsPage() {
  const staff = await requirePageAccess("/receive/unmatched");
  const parcels = await listUnmatchedParcels(await getDb(), staff.center.id);
  const t = await getTranslations("receiving");
  const format = await getFormatter();
  return (
    <div className={styles.queue}>
      <ManagerLinks current="unmatched" />
      <h1>{t("unmatched.title")}</h1>
      {parcels.length === 0 ? (
        <p className="card muted">{t("unmatched.empty")}</p>
      ) : (
        <ul className={styles.queueList} data-testid="unmatched-list">
          {parcels.map((p) => (
            <li key={p.id} className={`card ${styles.queueCard}`} data-testid="unmatched-row" data-tracking={p.trackingNumber}>
              <div className={styles.queueHead}>
                <code className={styles.tracking}>{p.trackingNumber}</code>
                <span className="muted">
                  {t("unmatched.received")} {format.dateTime(new Date(p.createdAt), "dateTime")} · {p.receivedByName ?? "—"}
                  {p.station ? ` · ${p.station}` : ""} · {t("unmatched.units")} {p.unexpectedUnits}
                </span>
              </div>
              <div className={styles.noteRow}>
                <ParcelPhotoThumb parcel={p} />
                <p className={styles.note}>
                  <strong>{t("unmatched.note")}:</strong> {p.note ?? "—"}
                </p>
              </div>
              <ResolveParcelForm parcelId={p.id} units={p.unexpectedUnits} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
