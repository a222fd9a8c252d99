import { DomainError } from "@/lib/errors/domain-error";

/** A position in the events feed: events are ordered by their writer's transaction id, then id. */
export type EventPosition = { txid: number; id: number };

/** Opaque to clients: they pass it back as `after` and never need to read it. */
export function encodeEventCursor(position: EventPosition): string {
  return Buffer.from(`v1.${position.txid}.${position.id}`).toString("base64url");
}

export function decodeEventCursor(cursor: string): EventPosition {
  const match = /^[A-Za-z0-9_-]{1,80}$/.test(cursor) ? /^v1\.(\d{1,18})\.(\d{1,18})$/.exec(Buffer.from(cursor, "base64url").toString("utf8")) : null;
  const txid = Number(match?.[1]);
  const id = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(txid) || !Number.isSafeInteger(id)) {
    throw new DomainError("validation:cursor", "after: not a cursor this API gave out; pass a nextCursor or an event's cursor unchanged.");
  }
  return { txid, id };
}

/** True when `a` comes after `b` in feed order. */
export function isAfter(a: EventPosition, b: EventPosition): boolean {
  return a.txid > b.txid || (a.txid === b.txid && a.id > b.id);
}
