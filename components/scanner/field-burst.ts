/**
 * A scanner's keys typed into a text field that does not ask for scans (a memo, a search box):
 * the field's value before the burst is remembered, and when the burst turns out to be a scan
 * (scanner speed, ended by Enter/Tab) the field gets that value back, so the code never stays in
 * the memo. A person typing at human speed is never touched.
 */
export type FieldSnapshot = { field: HTMLInputElement | HTMLTextAreaElement; value: string; start: number | null; end: number | null };

export function isTextField(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset", "file", "range", "color"].includes(target.type);
}

export function snapshotField(field: HTMLInputElement | HTMLTextAreaElement): FieldSnapshot {
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = field.selectionStart;
    end = field.selectionEnd;
  } catch {
    // Some input types (email, number) have no selection.
  }
  return { field, value: field.value, start, end };
}

/** Puts the value back the way React sees it (native setter + input event), and the caret. */
export function restoreField(snapshot: FieldSnapshot): void {
  const { field, value } = snapshot;
  if (field.value === value) return;
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(field, value);
  field.dispatchEvent(new Event("input", { bubbles: true }));
  try {
    if (snapshot.start !== null) field.setSelectionRange(snapshot.start, snapshot.end ?? snapshot.start);
  } catch {
    /* no selection on this input type */
  }
}
