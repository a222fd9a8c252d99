"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { loginAction, type LoginState } from "@/app/login/actions";
import { WedgeDecoder } from "@/components/scanner/wedge-decoder";
import { hangulToLatin } from "@/lib/scan-codes/hangul-keys";

type Method = "badge" | "password";

/** Badge + PIN for floor staff (scan the badge from anywhere on the page), e-mail + password for the desk. */
export function LoginForm({ next = "/" }: { next?: string }) {
  const t = useTranslations("login");
  const [method, setMethod] = useState<Method>("badge");
  const [state, formAction, pending] = useActionState<LoginState, FormData>(loginAction, {});
  const [badge, setBadge] = useState("");
  const pinRef = useRef<HTMLInputElement>(null);
  const badgeRef = useRef<HTMLInputElement>(null);
  const [scannerReady, setScannerReady] = useState(false);

  useEffect(() => {
    if (method !== "badge") return;
    const decoder = new WedgeDecoder();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement) return;
      const scan = decoder.feed(event);
      if (scan?.toUpperCase().startsWith("EMP-")) {
        event.preventDefault();
        setBadge(scan.toUpperCase());
        pinRef.current?.focus();
      }
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    setScannerReady(true);
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, [method]);

  return (
    <div>
      <div className="tabs" role="tablist">
        {(["badge", "password"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={method === m}
            className="tabs__tab"
            onClick={() => setMethod(m)}
          >
            {t(m === "badge" ? "badgeTab" : "passwordTab")}
          </button>
        ))}
      </div>
      <form action={formAction} className="form" noValidate data-scanner-ready={scannerReady || undefined}>
        <input type="hidden" name="method" value={method} />
        <input type="hidden" name="next" value={next} />
        {method === "badge" ? (
          <>
            <label className="field">
              <span>{t("badge")}</span>
              <input
                ref={badgeRef}
                name="badge"
                data-scan-input
                autoComplete="off"
                autoFocus
                placeholder={t("badgeHint")}
                value={badge}
                onChange={(event) => setBadge(hangulToLatin(event.target.value).toUpperCase())}
                onKeyDown={(event) => {
                  if (event.key === "Enter" || event.key === "Tab") {
                    event.preventDefault();
                    pinRef.current?.focus();
                  }
                }}
              />
            </label>
            {badge && /^EMP-\d+$/.test(badge) && <p className="muted">{t("badgeScanned", { badge })}</p>}
            <label className="field">
              <span>{t("pin")}</span>
              <input ref={pinRef} name="pin" type="password" inputMode="numeric" autoComplete="off" maxLength={8} />
            </label>
          </>
        ) : (
          <>
            <label className="field">
              <span>{t("email")}</span>
              <input name="email" type="email" autoComplete="username" autoFocus />
            </label>
            <label className="field">
              <span>{t("password")}</span>
              <input name="password" type="password" autoComplete="current-password" />
            </label>
          </>
        )}
        {state.error && (
          <p className="alert alert--error" role="alert">
            {t(`errors.${state.error}`)}
          </p>
        )}
        <button type="submit" className="button button--primary button--large" disabled={pending}>
          {t("submit")}
        </button>
      </form>
    </div>
  );
}
