import Link from "next/link";

/** An item code that opens the item's page (its record and chain of custody). */
export function ItemLink({ code, id }: { code: string | null; id?: string }) {
  const key = code ?? id;
  if (!key) return <code>—</code>;
  return (
    <Link href={`/items/${encodeURIComponent(key)}`} data-testid="item-link">
      <code>{code ?? "—"}</code>
    </Link>
  );
}
