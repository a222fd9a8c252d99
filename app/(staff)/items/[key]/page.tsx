import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DeskNav } from "@/components/desk/desk-nav";
import { PrintButton } from "@/components/desk/print-button";
import { Timeline } from "@/components/desk/timeline";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { otherProductName, productNameIn } from "@/lib/catalog/product-name";
import { binCodesFor, loadItemRecord } from "@/lib/desk/item-record";
import { reasonLabeller } from "@/lib/dispatch/reason-labels";
import { isDomainError } from "@/lib/errors/domain-error";
import { StorageFeeLine } from "@/components/storage/storage-fee-line";
import { ItemTakeOver } from "@/components/inspection/item-take-over";
import { ReturnAddressForm } from "@/components/desk/return-address-form";
import { DataTable } from "@/components/table/data-table";
import { TitledSection } from "@/components/table/titled-section";
import styles from "@/components/desk/desk.module.css";

export const dynamic = "force-dynamic";

const photoUrl = (id: string) => `/api/station/inspection/photos/${id}`;

/** One unit's whole record and its chain of custody, printable for a dispute. */
export default async function ItemPage({ params }: { params: Promise<{ key: string }> }) {
  const staff = await requirePageAccess("/items/[key]");
  const { key } = await params;
  const db = await getDb();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const code = decodeURIComponent(key);
  const record = await loadItemRecord(db, staff.center.id, code).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found:item") return null;
    throw error;
  });
  if (!record) notFound();
  const binCodes = await binCodesFor(db, staff.center.id, record.timeline);
  const labelled = await reasonLabeller(db, staff.center.id, record.inspections.flatMap((i) => i.reasonCodes));
  const reasonNames = (codes: readonly string[]) => labelled(codes).map((r) => (locale === "ko" ? r.labelKo : r.labelEn));
  const { item, order, product, parcel, bin } = record;
  const when = (d: Date | null | undefined) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const money = (n: number) => format.number(n, { style: "currency", currency: staff.center.currency, maximumFractionDigits: 0 });
  // Someone else's live claim: a manager may take it over here (with a reason).
  const openClaim = item.state === "in_inspection" ? record.inspections.find((i) => i.status === "open" && i.inspectorId !== staff.user.id) : undefined;
  const names = { productName: item.productName, productNameKo: product?.nameKo, productNameEn: product?.nameEn };
  const name = productNameIn(locale, names);
  const otherName = otherProductName(locale, names);
  // A return to the seller not yet packed: where it goes, and the address to give when it has none.
  const openReturn = record.shipments.find((s) => s.status === "open" && s.destination === "seller");
  return (
    <div className="stack" data-testid="item-page">
      <DeskNav current="item" />
      <div className={styles.itemHead}>
        <div>
          <h1>
            {/* The catalogue's names start with the brand already ("Nike Dunk …", "나이키 덩크 …"). */}
            <code data-testid="item-code">{item.code ?? t("desk.itemPage.noCode")}</code> · {name}
          </h1>
          {otherName && <div className="muted">{otherName}</div>}
          <span className={styles.stateBadge} data-testid="item-state">
            {t(`states.${item.state}`)}
          </span>
          {item.unexpected && <span className="badge"> {t("desk.itemPage.unexpected")}</span>}
        </div>
        <PrintButton />
      </div>
      {openClaim && <ItemTakeOver itemId={item.id} itemCode={item.code} holder={openClaim.inspectorName} />}
      {openReturn && <ReturnAddressForm itemId={item.id} code={item.code ?? ""} recipient={openReturn.recipient} />}
      <section className={styles.facts} data-testid="item-facts">
        <div className="card">
          <h2>{t("desk.itemPage.product")}</h2>
          <dl>
            <dt>SKU</dt>
            <dd>{item.sku}</dd>
            <dt>{t("desk.itemPage.category")}</dt>
            <dd>{t.has(`inspection.categories.${item.category}`) ? t(`inspection.categories.${item.category}`) : item.category}</dd>
            <dt>{t("desk.itemPage.size")}</dt>
            <dd>{item.size}</dd>
            <dt>{t("desk.itemPage.price")}</dt>
            <dd>{money(item.price)}</dd>
            {product && (
              <>
                <dt>{t("desk.itemPage.brand")}</dt>
                <dd>{product.brand}</dd>
                <dt>{t("desk.itemPage.colour")}</dt>
                <dd>{product.colour}</dd>
              </>
            )}
            {item.defectNote && (
              <>
                <dt>{t("desk.itemPage.defectNote")}</dt>
                <dd>{item.defectNote}</dd>
              </>
            )}
          </dl>
        </div>
        <div className="card">
          <h2>{t("desk.itemPage.order")}</h2>
          <dl>
            <dt>{t("desk.itemPage.orderId")}</dt>
            <dd data-testid="item-order">{order?.externalId ?? "—"}</dd>
            <dt>{t("desk.itemPage.type")}</dt>
            <dd>{t(`desk.itemPage.types.${item.type}`)}</dd>
            <dt>{t("desk.itemPage.seller")}</dt>
            <dd>{order ? `${order.seller.name} (${order.seller.id})` : "—"}</dd>
            <dt>{t("desk.itemPage.buyer")}</dt>
            <dd>{(item.saleBuyer ?? order?.buyer)?.name ?? "—"}</dd>
            <dt>{t("desk.itemPage.destination")}</dt>
            <dd>{item.destination ? t(`desk.itemPage.destinations.${item.destination}`) : "—"}</dd>
          </dl>
        </div>
        <div className="card">
          <h2>{t("desk.itemPage.whereabouts")}</h2>
          <dl>
            <dt>{t("desk.itemPage.inboundTracking")}</dt>
            <dd>{parcel ? <Link href={`/search?q=${encodeURIComponent(parcel.trackingNumber)}`}>{parcel.trackingNumber}</Link> : "—"}</dd>
            <dt>{t("desk.itemPage.received")}</dt>
            <dd>{when(item.receivedAt)}</dd>
            <dt>{t("desk.itemPage.bin")}</dt>
            <dd data-testid="item-bin">{bin?.code ?? "—"}</dd>
            <dt>{t("desk.itemPage.stored")}</dt>
            <dd>{when(item.storedAt)}</dd>
            <StorageFeeLine db={db} itemId={item.id} />
            {record.shipments.map((s) => (
              <span key={s.id} style={{ display: "contents" }}>
                <dt>{t(`desk.itemPage.shipmentTo.${s.destination}`)}</dt>
                <dd data-testid="item-shipment">
                  {s.carrier ?? ""} {s.trackingNumber ?? t("desk.itemPage.notPacked")} {s.packedAt ? `· ${when(s.packedAt)}` : ""}
                </dd>
              </span>
            ))}
            <dt>{t("desk.itemPage.labels")}</dt>
            <dd>{record.labels.length === 0 ? "—" : record.labels.map((l) => `${when(l.at)} (${String(l.details.format ?? "")})`).join(", ")}</dd>
          </dl>
        </div>
      </section>
      {record.inspections.length > 0 && (
        <TitledSection title={t("desk.itemPage.inspections")}>
          <DataTable
            testId="item-inspections"
            rows={record.inspections}
            rowKey={(i) => i.id}
            columns={[
              {
                header: t("desk.itemPage.inspector"),
                cell: (i) => (
                  <>
                    {i.inspectorName}
                    <div className="muted">{when(i.submittedAt ?? i.claimedAt)}</div>
                  </>
                ),
              },
              { header: t("desk.itemPage.verdict"), cell: (i) => (i.verdict ? t(`inspection.verdicts.${i.verdict}`) : t(`desk.itemPage.inspectionStatus.${i.status}`)) },
              {
                header: t("desk.itemPage.reasons"),
                cell: (i) => (
                  <>
                    {reasonNames(i.reasonCodes).join(", ") || "—"}
                    {i.note && <div className="muted">{i.note}</div>}
                  </>
                ),
              },
              {
                header: t("desk.itemPage.review"),
                cell: (i) => (
                  <>
                    {i.reviewVerdict ? `${i.reviewerName ?? ""}: ${t(`inspection.verdicts.${i.reviewVerdict}`)}` : "—"}
                    {i.reviewNote && <div className="muted">{i.reviewNote}</div>}
                  </>
                ),
              },
              {
                header: t("desk.itemPage.photos"),
                cell: (i) => (
                  <div className={styles.photos}>
                    {record.photos
                      .filter((p) => p.inspectionId === i.id)
                      .map((p) => (
                        <a key={p.id} href={photoUrl(p.id)} target="_blank" rel="noreferrer">
                          {/* eslint-disable-next-line @next/next/no-img-element */}
                          <img src={photoUrl(p.id)} alt={p.caption ?? t("desk.itemPage.photo")} className={styles.photo} />
                        </a>
                      ))}
                  </div>
                ),
              },
            ]}
          />
        </TitledSection>
      )}
      <TitledSection title={t("desk.itemPage.timeline")}>
        <Timeline entries={record.timeline} binCodes={binCodes} />
      </TitledSection>
    </div>
  );
}
