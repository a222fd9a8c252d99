"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";
import styles from "./receiving.module.css";

/**
 * A manager settles an unmatched parcel: link it to its order, or return it to the sender. Units
 * recorded from it go back with it, so returning it asks for the sender's address (from the
 * parcel's label): it is printed on their return labels.
 */
export function ResolveParcelForm({ parcelId, units }: { parcelId: string; units: number }) {
  const t = useTranslations("receiving");
  const router = useRouter();
  const action = useStationAction();
  const [orderExternalId, setOrderExternalId] = useState("");
  const [note, setNote] = useState("");
  const [address, setAddress] = useState("");
  const [phone, setPhone] = useState("");
  const needsAddress = units > 0;

  async function resolve(link: boolean) {
    const sender = needsAddress ? { address, ...(phone.trim() ? { phone } : {}) } : {};
    const body = { parcelId, note, ...(link ? { orderExternalId: orderExternalId.trim() } : sender) };
    const done = await action.run(`resolve:${JSON.stringify(body)}`, (scanId) => apiFetch("/api/station/receiving/parcels/resolve", { body, scanId }), {
      answer: () => ({ tone: "success", message: link ? t("unmatched.linked") : t("unmatched.returned") }),
    });
    if (done) router.refresh();
  }

  const busy = action.busy !== null;
  return (
    <form className={styles.resolveForm} onSubmit={(event) => event.preventDefault()} data-testid="resolve-form">
      <label className="field">
        {t("unmatched.orderId")}
        <input name="orderExternalId" value={orderExternalId} onChange={(e) => setOrderExternalId(e.target.value)} />
      </label>
      <label className="field">
        {t("unmatched.resolution")}
        <input name="resolution" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {needsAddress && (
        <>
          <p className={`muted ${styles.returnAddress}`} data-testid="sender-address-note">
            {t("unmatched.senderAddress", { count: units })}
          </p>
          <label className="field">
            {t("unmatched.address")}
            <input name="senderAddress" autoComplete="street-address" value={address} onChange={(e) => setAddress(e.target.value)} />
          </label>
          <label className="field">
            {t("unmatched.phone")}
            <input name="senderPhone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
          </label>
        </>
      )}
      <button type="button" className="button button--ok" disabled={busy || !note.trim() || !orderExternalId.trim()} onClick={() => resolve(true)}>
        {t("unmatched.link")}
      </button>
      <button type="button" className="button button--danger" disabled={busy || !note.trim() || (needsAddress && !address.trim())} onClick={() => resolve(false)}>
        {t("unmatched.return")}
      </button>
      <ActionAnswer answer={action.answer} />
    </form>
  );
}
