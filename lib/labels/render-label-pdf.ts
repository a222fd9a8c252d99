import type { LabelData } from "./label-data";
import { itemLabelDocument } from "./item-labels";
import { renderPdf } from "./render-pdf";

/** Item labels as a PDF, one 100 × 50 mm page per label (Korean names in the embedded font). */
export function renderLabelPdf(labels: LabelData[]): Promise<Buffer> {
  return renderPdf(itemLabelDocument(labels));
}
