/** A product's name in the reader's language, with its SKU and size in muted text. */
export function ProductCell(props: { name: string; sku: string; size: string }) {
  return (
    <>
      {props.name} <span className="muted">{props.sku} · {props.size}</span>
    </>
  );
}
