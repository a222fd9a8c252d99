import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DeskNav } from "@/components/desk/desk-nav";
import { ItemLink } from "@/components/desk/item-link";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { productNameIn } from "@/lib/catalog/product-name";
import { searchItems, searchQuerySchema } from "@/lib/desk/search-items";
import { classifyScan } from "@/lib/scan-codes/classify";

export const dynamic = "force-dynamic";

/** One box for item code, tracking number, order id, seller, product name or SKU. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const staff = await requirePageAccess("/search");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const t = await getTranslations();
  const locale = await getLocale();
  const valid = searchQuerySchema.safeParse(q);
  const started = performance.now();
  const hits = valid.success ? await searchItems(await getDb(), staff.center.id, valid.data) : [];
  const ms = Math.round(performance.now() - started);
  // A scanned or typed item code that names exactly one item goes straight to its page.
  const scan = classifyScan(q);
  if (scan.kind === "item" && hits.length === 1 && hits[0].code === scan.code) redirect(`/items/${encodeURIComponent(scan.code)}`);
  return (
    <div className="stack">
      <DeskNav current="search" query={q} />
      <h1>{q ? t("desk.search.resultsFor", { q }) : t("desk.search.title")}</h1>
      {!valid.success ? (
        <p className="muted">{t("desk.search.tooShort")}</p>
      ) : hits.length === 0 ? (
        <p className="alert alert--warn" data-testid="search-empty">
          {t("desk.search.none", { q })}
        </p>
      ) : (
        <table className="table" data-testid="search-results">
          <thead>
            <tr>
              <th>{t("desk.item")}</th>
              <th>{t("desk.itemPage.product")}</th>
              <th>{t("desk.itemPage.orderId")}</th>
              <th>{t("desk.itemPage.seller")}</th>
              <th>{t("desk.search.state")}</th>
              <th>{t("desk.search.matchedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {hits.map((hit) => (
              <tr key={hit.id} data-testid="search-hit" data-code={hit.code ?? ""}>
                <td>
                  <ItemLink code={hit.code} id={hit.id} />
                </td>
                <td>
                  {productNameIn(locale, hit)} <span className="muted">{hit.sku} · {hit.size}</span>
                </td>
                <td>{hit.orderExternalId}</td>
                <td>{hit.sellerName}</td>
                <td>
                  <Link href={`/items?state=${hit.state}`}>{t(`states.${hit.state}`)}</Link>
                </td>
                <td className="muted">{hit.matchedBy.map((k) => t(`desk.search.keys.${k}`)).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted" data-testid="search-took">
        {t("desk.search.took", { ms })}
      </p>
    </div>
  );
}
