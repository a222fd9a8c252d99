import type { LabelData } from "./label-data";
import { itemLabelDocument } from "./item-labels";
import { renderZpl } from "./render-zpl";

/** Item labels as ZPL (203 dpi, 800 × 400 dots), one ^XA…^XZ per label, UTF-8 Korean. */
export function renderLabelZpl(labels: LabelData[]): string {
  return renderZpl(itemLabelDocument(labels));
}
