"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";
import type { GiveReturnAddressAnswer } from "@/lib/dispatch/give-return-address";
import styles from "./desk.module.css";

type Recipient = { name: string; address?: string; phone?: string };

/**
 * On the page of a unit on its way back to its seller, not yet packed: where it goes. When the
 * return waits for the seller's address (an unknown sender's, most often) the manager gives it
 * here: the order keeps it (audited) and the return can be packed.
 */
export function ReturnAddressForm({ itemId, code, recipient }: { itemId: string; code: string; recipient: Recipient }) {
  const t = useTranslations("desk.itemPage.returnAddress");
  const router = useRouter();
  const action = useStationAction();
  const [address, setAddress] = useState("");
  const [phone, setPhone] = useState("");
  const give = async () => {
    const body = { itemId, address, ...(phone.trim() ? { phone } : {}) };
    const done = await action.run(`return-address:${JSON.stringify(body)}`, (scanId) => apiFetch<GiveReturnAddressAnswer>("/api/station/dispatch/returns/address", { body, scanId }), {
      answer: () => ({ tone: "success", message: t("given", { code }) }),
    });
    if (done) router.refresh();
  };
  return (
    <section className="card stack" data-testid="return-address">
      <h2>{t("title")}</h2>
      {recipient.address?.trim() ? (
        <p data-testid="return-address-kept">{[recipient.name, recipient.address, recipient.phone].filter(Boolean).join(" · ")}</p>
      ) : (
        <>
          <p className="alert alert--warn">{t("missing", { seller: recipient.name })}</p>
          <form
            className={styles.returnAddressForm}
            onSubmit={(event) => {
              event.preventDefault();
              void give();
            }}
          >
            <label className="field">
              {t("address")}
              <input name="address" autoComplete="street-address" value={address} onChange={(e) => setAddress(e.target.value)} data-testid="return-address-input" />
            </label>
            <label className="field">
              {t("phone")}
              <input name="phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
            </label>
            <button type="submit" className="button button--primary" disabled={action.busy !== null || address.trim().length < 5} data-testid="return-address-give">
              {t("give")}
            </button>
          </form>
        </>
      )}
      <ActionAnswer answer={action.answer} testId="return-address-answer" />
    </section>
  );
}
