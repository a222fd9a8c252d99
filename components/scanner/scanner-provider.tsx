"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { newScanId } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import { playFeedback } from "./feedback-sound";
import { WedgeDecoder } from "./wedge-decoder";

export type ScanTone = "success" | "warning" | "error";
export type ScanFeedback = { tone: ScanTone; message: string };
export type ScanHandler = (code: string, scanId: string) => Promise<ScanFeedback> | ScanFeedback;
export type ScanLogEntry = { id: string; code: string; at: Date; feedback: ScanFeedback | null };

type ScannerContextValue = {
  setHandler: (handler: ScanHandler | null) => void;
  submit: (code: string) => void;
  last: ScanLogEntry | null;
  log: ScanLogEntry[];
  busy: boolean;
};

const ScannerContext = createContext<ScannerContextValue | null>(null);

/** Text fields a person types in are left alone unless they ask for scans (data-scan-input). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("[data-scan-input]")) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
}

/**
 * Listens for a keyboard-wedge scanner anywhere on the page, hands each scan (with a fresh scan
 * id) to the current page's handler, and answers with sound, colour and text.
 */
export function ScannerProvider({ children }: { children: ReactNode }) {
  const handlerRef = useRef<ScanHandler | null>(null);
  const [log, setLog] = useState<ScanLogEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();

  const submit = useCallback((raw: string) => {
    const code = raw.trim();
    if (!code) return;
    const entry: ScanLogEntry = { id: newScanId(), code, at: new Date(), feedback: null };
    setLog((entries) => [entry, ...entries].slice(0, 50));
    const finish = (feedback: ScanFeedback) => {
      playFeedback(feedback.tone);
      setLog((entries) => entries.map((e) => (e.id === entry.id ? { ...e, feedback } : e)));
    };
    const handler = handlerRef.current;
    if (!handler) {
      finish({ tone: "warning", message: code });
      return;
    }
    setBusy(true);
    Promise.resolve()
      .then(() => handler(code, entry.id))
      .then(finish, (error: unknown) => finish({ tone: "error", message: errorText(error) }))
      .finally(() => setBusy(false));
  }, [errorText]);

  useEffect(() => {
    const decoder = new WedgeDecoder();
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) return;
      const scan = decoder.feed(event);
      if (scan) {
        // Stop the Enter from also pressing whatever button has focus.
        event.preventDefault();
        event.stopPropagation();
        submit(scan);
      }
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    // Lets tests (and support staff) see that scans are being listened for.
    document.body.dataset.scannerReady = "true";
    return () => {
      window.removeEventListener("keydown", onKeyDown, { capture: true });
      delete document.body.dataset.scannerReady;
    };
  }, [submit]);

  const setHandler = useCallback((handler: ScanHandler | null) => {
    handlerRef.current = handler;
  }, []);

  const value = useMemo(() => ({ setHandler, submit, log, last: log[0] ?? null, busy }), [setHandler, submit, log, busy]);
  return <ScannerContext.Provider value={value}>{children}</ScannerContext.Provider>;
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
