"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ApiError, newScanId } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import type { Role } from "@/db/schema/users";
import { hasRole } from "@/lib/auth/staff-context";
import { classifyScan, type ClassifiedScan } from "@/lib/scan-codes/classify";
import { playFeedback } from "./feedback-sound";
import { isTextField, restoreField, snapshotField, type FieldSnapshot } from "./field-burst";
import { decoderOptions, readScannerSettings, settingsChanged } from "./scanner-settings";
import { WedgeDecoder } from "./wedge-decoder";

/** `queued`: kept on this device while the network is away (lib/offline), sent when it is back. */
export type ScanTone = "success" | "warning" | "error" | "queued";
export type ScanFeedback = { tone: ScanTone; message: string };
export type ScanHandler = (code: string, scanId: string) => Promise<ScanFeedback> | ScanFeedback;
/** One answered scan; `code` is empty for a button's answer (ScannerContextValue.announce). */
export type ScanLogEntry = { id: string; code: string; at: Date; feedback: ScanFeedback | null };

type ScannerContextValue = {
  setHandler: (handler: ScanHandler | null) => void;
  submit: (code: string) => void;
  last: ScanLogEntry | null;
  log: ScanLogEntry[];
  busy: boolean;
  /** What a scan means on any page that does not say otherwise (see useScanRoutes). */
  defaultAnswer: (scan: ClassifiedScan, code: string) => ScanFeedback;
  /** A scan panel reports whether its answer is on screen; the toast stays away while it is. */
  setPanelInView: (inView: boolean) => void;
  /**
   * Shows a station button's answer (take a list, report short, pack, close a manifest) where scans
   * are answered, as the newest line of the log, so the station answers in one place; the action
   * has sounded it already. The same answer given again (a re-render) is shown once.
   */
  announce: (feedback: ScanFeedback) => void;
};

const ScannerContext = createContext<ScannerContextValue | null>(null);

/** Fields that take scans themselves (the manual code field) are left entirely to their own form. */
function asksForScans(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("[data-scan-input]") !== null;
}

/** Other things that take key presses (selects, rich text): a person's keys go there untouched. */
function isOtherInput(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === "SELECT" || target.isContentEditable);
}

/**
 * Listens for a keyboard-wedge scanner anywhere on a staff page and hands each scan (with a fresh
 * scan id) to the page's handler, answering with sound, colour and text — on every page:
 * - a page says what scans mean there with useScanRoutes (or useScanHandler for full control);
 *   a malformed code never reaches it (it is answered with its reason, `validation:scan`);
 *   whatever it does not handle gets the default answer (an item opens its page, a parcel opens
 *   receiving for an operator, anything else a clear message), never silence;
 * - a scan into a text field that does not ask for scans (a memo, a search box) is taken as a
 *   scan and taken back out of the field; a person typing there is left alone;
 * - the key-gap threshold is the station's setting (scanner-settings.ts).
 */
export function ScannerProvider({ children, role }: { children: ReactNode; role: Role }) {
  const handlerRef = useRef<ScanHandler | null>(null);
  const [log, setLog] = useState<ScanLogEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const [toast, setToast] = useState<ScanLogEntry | null>(null);
  const [panelInView, setPanelInView] = useState(false);
  const announced = useRef(new WeakSet<ScanFeedback>());
  const errorText = useErrorText();
  const router = useRouter();
  const t = useTranslations("scanner");
  const tKinds = useTranslations("scanKinds");
  const tOffline = useTranslations("offline");

  const defaultAnswer = useCallback(
    (scan: ClassifiedScan, code: string): ScanFeedback => {
      const open = (href: string, message: string): ScanFeedback => {
        router.push(href);
        return { tone: "success", message };
      };
      switch (scan.kind) {
        case "invalid":
          return { tone: "error", message: errorText({ code: "validation:scan", params: { reason: scan.looksLike === "item" ? "item_check" : "format", kind: scan.looksLike, code } }) };
        case "item":
          if (hasRole(role, ["manager"])) return open(`/items/${encodeURIComponent(scan.code)}`, t("opening", { code: scan.code }));
          if (hasRole(role, ["inspector"])) return open(`/inspect?scan=${encodeURIComponent(scan.code)}`, t("opening", { code: scan.code }));
          return open(`/receive?scan=${encodeURIComponent(scan.code)}`, t("opening", { code: scan.code }));
        case "bin":
          if (hasRole(role, ["operator"]) && role !== "senior_inspector") return open(`/bins/${encodeURIComponent(scan.code)}`, t("opening", { code: scan.code }));
          return { tone: "warning", message: t("notHere", { code, kind: tKinds("bin") }) };
        case "tracking":
          if (role === "operator") {
            return open(`/receive?scan=${encodeURIComponent(scan.trackingNumber)}`, t("openingReceiving", { code: scan.trackingNumber }));
          }
          if (hasRole(role, ["manager"])) return open(`/search?q=${encodeURIComponent(code)}`, t("searching", { code }));
          return { tone: "warning", message: t("notHere", { code, kind: tKinds("tracking") }) };
        default:
          return { tone: "warning", message: t("notHere", { code, kind: tKinds(scan.kind) }) };
      }
    },
    [errorText, role, router, t, tKinds],
  );

  const submit = useCallback(
    (raw: string) => {
      const code = raw.trim();
      if (!code) return;
      const entry: ScanLogEntry = { id: newScanId(), code, at: new Date(), feedback: null };
      setLog((entries) => [entry, ...entries].slice(0, 50));
      const finish = (feedback: ScanFeedback) => {
        playFeedback(feedback.tone);
        const done = { ...entry, feedback };
        setLog((entries) => entries.map((e) => (e.id === entry.id ? done : e)));
        setToast(done);
      };
      const handler = handlerRef.current;
      const scan = classifyScan(code);
      setBusy(true);
      Promise.resolve()
        // A malformed code (an item label with a wrong check character, `BIN-A-`) is answered with its
        // reason on every page, before the page's own handler could read it as something else.
        .then(() => (handler && scan.kind !== "invalid" ? handler(code, entry.id) : defaultAnswer(scan, code)))
        .then(finish, (error: unknown) =>
          // A scan whose answer needs the server (a lookup, a count's start), made with no network: it must wait.
          finish({ tone: "error", message: error instanceof ApiError && error.status === 0 && !navigator.onLine ? tOffline("answers.mustWait") : errorText(error) }),
        )
        .finally(() => setBusy(false));
    },
    [defaultAnswer, errorText, tOffline],
  );

  useEffect(() => {
    let decoder = new WedgeDecoder(decoderOptions(readScannerSettings()));
    let snapshot: FieldSnapshot | null = null;
    const onSettings = () => {
      decoder = new WedgeDecoder(decoderOptions(readScannerSettings()));
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (asksForScans(event.target) || isOtherInput(event.target)) return;
      const inField = isTextField(event.target);
      if (inField && decoder.startsBurst(event.timeStamp)) snapshot = snapshotField(event.target as HTMLInputElement);
      const scan = decoder.feed(event);
      if (!scan) return;
      // Stop the Enter/Tab from also pressing a button, adding a line or moving focus.
      event.preventDefault();
      event.stopPropagation();
      if (inField && snapshot && snapshot.field === event.target) {
        const taken = snapshot;
        restoreField(taken);
        // An input method may still be composing the last jamo: take that back too.
        window.setTimeout(() => restoreField(taken), 0);
      }
      snapshot = null;
      submit(scan);
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    window.addEventListener(settingsChanged, onSettings);
    window.addEventListener("storage", onSettings);
    // Lets tests (and support staff) see that scans are being listened for.
    document.body.dataset.scannerReady = "true";
    return () => {
      window.removeEventListener("keydown", onKeyDown, { capture: true });
      window.removeEventListener(settingsChanged, onSettings);
      window.removeEventListener("storage", onSettings);
      delete document.body.dataset.scannerReady;
    };
  }, [submit]);

  // The last answer also shows as a toast, so pages without a scan panel answer visibly too: briefly
  // for a success, longer for a refusal; while it shows, the page keeps room below its content so the
  // last rows can be scrolled clear of it (globals.css, body[data-scan-toast]).
  useEffect(() => {
    if (!toast) return;
    document.body.dataset.scanToast = "shown";
    const timer = window.setTimeout(() => setToast(null), toastMs(toast.feedback?.tone));
    return () => {
      window.clearTimeout(timer);
      delete document.body.dataset.scanToast;
    };
  }, [toast]);

  const setHandler = useCallback((handler: ScanHandler | null) => {
    handlerRef.current = handler;
  }, []);

  const announce = useCallback((feedback: ScanFeedback) => {
    if (announced.current.has(feedback)) return;
    announced.current.add(feedback);
    const entry: ScanLogEntry = { id: newScanId(), code: "", at: new Date(), feedback };
    setLog((entries) => [entry, ...entries].slice(0, 50));
    setToast(entry);
  }, []);

  const value = useMemo(
    () => ({ setHandler, submit, log, last: log[0] ?? null, busy, defaultAnswer, setPanelInView, announce }),
    [setHandler, submit, log, busy, defaultAnswer, announce],
  );
  return (
    <ScannerContext.Provider value={value}>
      {children}
      {/* Only when no scan panel shows the answer (it said it three times, and covered buttons below). */}
      {toast?.feedback && !panelInView && (
        // A tap anywhere on it puts it away (the close button is there for the keyboard and screen readers).
        <div className={`scan-toast scan-status--${toast.feedback.tone}`} role="status" aria-live="polite" data-testid="scan-toast" data-tone={toast.feedback.tone} onClick={() => setToast(null)}>
          <span>
            {/* Most answers name the code already; it is shown first only when they do not. */}
            {!toast.feedback.message.includes(toast.code) && <code>{toast.code}</code>} {toast.feedback.message}
          </span>
          <button type="button" className="scan-toast__close" aria-label={t("dismiss")} onClick={() => setToast(null)} data-testid="scan-toast-close">
            ×
          </button>
        </div>
      )}
    </ScannerContext.Provider>
  );
}

/** How long a scan's toast stays: a success is read at a glance, a refusal needs reading. */
function toastMs(tone: ScanTone | undefined): number {
  return tone === "success" || tone === "queued" ? 3000 : 5000;
}

export function useScanner(): ScannerContextValue {
  const value = useContext(ScannerContext);
  if (!value) throw new Error("useScanner must be used inside ScannerProvider");
  return value;
}

/** Makes `handler` the page's answer to every scan while the calling component is mounted. */
export function useScanHandler(handler: ScanHandler) {
  const { setHandler } = useScanner();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    setHandler((code, scanId) => latest.current(code, scanId));
    return () => setHandler(null);
  }, [setHandler]);
}
