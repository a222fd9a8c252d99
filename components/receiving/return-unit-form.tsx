"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";
import styles from "./receiving.module.css";

/**
 * A manager sends an unexpected unit back to its seller, with a note for the record. When the seller
 * has no address on file (an unknown sender, or none announced) the manager enters it here: it is
 * kept on the order (audited) and printed on the return's label.
 */
export function ReturnUnitForm({ itemId, code, seller }: { itemId: string; code: string; seller: { name: string; hasAddress: boolean } }) {
  const t = useTranslations("receiving");
  const router = useRouter();
  const action = useStationAction();
  const [note, setNote] = useState("");
  const [address, setAddress] = useState("");
  const [phone, setPhone] = useState("");
  const needsAddress = !seller.hasAddress;
  return (
    <form
      className={styles.returnForm}
      onSubmit={async (event) => {
        event.preventDefault();
        const done = await action.run(`return:${itemId}`, (scanId) =>
            apiFetch("/api/station/receiving/units/return", {
              body: { itemId, note, ...(needsAddress ? { address, ...(phone.trim() ? { phone } : {}) } : {}) },
              scanId,
            }), {
          answer: () => ({ tone: "success", message: t("unexpected.returned", { code }) }),
        });
        if (done) router.refresh();
      }}
    >
      {needsAddress && (
        <>
          <p className={`muted ${styles.returnAddress}`} data-testid="return-no-address">
            {t("unexpected.noAddress", { seller: seller.name })}
          </p>
          <label className={`field ${styles.returnAddress}`}>
            {t("unexpected.address")}
            <input name="address" autoComplete="street-address" value={address} onChange={(e) => setAddress(e.target.value)} />
          </label>
          <label className={`field ${styles.returnAddress}`}>
            {t("unexpected.phone")}
            <input name="phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
          </label>
        </>
      )}
      <label className="field">
        {t("unexpected.note")}
        <input name="note" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="button button--danger" disabled={action.busy !== null || !note.trim() || (needsAddress && !address.trim())}>
        {t("unexpected.return")}
      </button>
      <ActionAnswer answer={action.answer} />
    </form>
  );
}
