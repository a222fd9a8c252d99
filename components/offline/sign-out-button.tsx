"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { useOfflineQueue } from "./offline-queue-provider";

/** Caches of station pages and data the service worker keeps (app/sw.ts): not left for the next person. */
const STAFF_CACHES = ["station-pages", "station-data"];

/**
 * Sign-out that first warns when the user's scans still wait on this device (they stay queued
 * and go when the same person signs in here again), and drops the offline copies of pages.
 */
export function SignOutButton({ action, label }: { action: () => Promise<void>; label: string }) {
  const t = useTranslations("offline.signOut");
  const queue = useOfflineQueue();
  const form = useRef<HTMLFormElement>(null);
  const [asking, setAsking] = useState(false);
  const confirmed = useRef(false);
  const waiting = queue?.waitingCount() ?? 0;

  function onSubmit(event: FormEvent) {
    if (waiting > 0 && !confirmed.current) {
      event.preventDefault();
      setAsking(true);
      return;
    }
    if (typeof caches !== "undefined") for (const name of STAFF_CACHES) void caches.delete(name);
  }

  return (
    <form action={action} ref={form} onSubmit={onSubmit} className="sign-out">
      <button type="submit" className="button button--ghost" data-testid="sign-out">
        {label}
      </button>
      {asking && (
        <div className="sign-out__warning card stack" role="alertdialog" aria-labelledby="sign-out-warning" data-testid="sign-out-warning">
          <p id="sign-out-warning">{t("warning", { count: waiting })}</p>
          <div className="row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                confirmed.current = true;
                setAsking(false);
                form.current?.requestSubmit();
              }}
            >
              {t("confirm")}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
