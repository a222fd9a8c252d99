"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { stationId } from "@/components/http/api-fetch";
import { playFeedback } from "@/components/scanner/feedback-sound";
import { dueNow, isSettled, needsSignIn, type QueuedScan, type SendOutcome } from "@/lib/offline/queued-scan";
import { QueueStore, type NewQueuedScan } from "@/lib/offline/queue-store";
import { replayQueue } from "@/lib/offline/replay";
import { sendQueuedScan } from "./send-queued-scan";

type Listener = (scan: QueuedScan, outcome: SendOutcome) => void;

/** What a station action gives the queue; the provider adds the user, device, time and state. */
export type QueueRequest = Pick<NewQueuedScan, "scanId" | "intent" | "station" | "request" | "summary">;

type OfflineQueueValue = {
  /** The browser's view of the network (navigator.onLine and its events). */
  online: boolean;
  /** Every scan queued on this device (any user), oldest first. */
  scans: QueuedScan[];
  user: { id: string; name: string };
  enqueue: (request: QueueRequest) => Promise<QueuedScan>;
  /** The signed-in user's unsettled scan for an intent (a repeat press joins it). */
  pendingFor: (intent: string) => QueuedScan | undefined;
  /** True while the user has scans waiting: a new action queues behind them to keep the order. */
  hasWaiting: () => boolean;
  /** How many of the user's scans wait now. */
  waitingCount: () => number;
  /** Calls `listener` once the scan is done or refused on replay; returns the unsubscribe. */
  onSettled: (scanId: string, listener: Listener) => () => void;
  replayNow: () => void;
  remove: (scanIds: readonly string[]) => Promise<void>;
  /** The queue list opened from the header (it also shows by itself while scans wait). */
  listOpen: boolean;
  setListOpen: (open: boolean) => void;
  /** Scans were sent here since the list was last hidden: it stays up to show them done. */
  sentLately: boolean;
};

/** Sent scans are kept in the list this long (then dropped when a page opens). */
const KEEP_DONE_MS = 60 * 60_000;

const OfflineQueueContext = createContext<OfflineQueueValue | null>(null);

/** The queue of the signed-in staff member's station, or null outside staff pages (and before IndexedDB opened). */
export function useOfflineQueue(): OfflineQueueValue | null {
  return useContext(OfflineQueueContext);
}

const CHANNEL = "legit-offline";
const LOCK = "legit-offline-replay";

/** One replay pass at a time on this device (every tab shares the queue): Web Locks where there are. */
async function withDeviceLock(work: () => Promise<void>): Promise<void> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (locks) await locks.request(LOCK, work);
  else await work();
}

/**
 * Holds the station's offline queue (lib/offline): opens the IndexedDB store, replays the
 * signed-in user's scans in order whenever the network is (or seems) back, on a timer for scans in
 * back-off, and after each new scan while online; tells waiting screens the answers.
 */
export function OfflineQueueProvider({ user, children }: { user: { id: string; name: string }; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [store, setStore] = useState<QueueStore | null>(null);
  const [scans, setScansState] = useState<QueuedScan[]>([]);
  // The same list, current at once (an action asks right after the previous one was queued).
  const latest = useRef<QueuedScan[]>([]);
  const setScans = useCallback((next: QueuedScan[] | ((list: QueuedScan[]) => QueuedScan[])) => {
    latest.current = typeof next === "function" ? next(latest.current) : next;
    setScansState(latest.current);
  }, []);
  const [online, setOnline] = useState(true);
  const [listOpen, setListOpenState] = useState(false);
  const [sentLately, setSentLately] = useState(false);
  const setListOpen = useCallback((open: boolean) => {
    setListOpenState(open);
    if (!open) setSentLately(false);
  }, []);
  const listeners = useRef(new Map<string, Set<Listener>>());
  const running = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const channel = useRef<BroadcastChannel | null>(null);

  const refresh = useCallback(async (s: QueueStore) => setScans(await s.all()), [setScans]);

  useEffect(() => {
    let opened: QueueStore | null = null;
    let cancelled = false;
    setOnline(navigator.onLine);
    QueueStore.open()
      .then(async (s) => {
        if (cancelled) return s.close();
        opened = s;
        const old = (await s.all()).filter((scan) => scan.state === "done" && (scan.settledAt ?? 0) < Date.now() - KEEP_DONE_MS);
        if (old.length) await s.remove(old.map((scan) => scan.scanId));
        setStore(s);
        await refresh(s);
      })
      .catch(() => undefined); // No IndexedDB (a locked-down browser): actions answer as they always did.
    const bc = typeof BroadcastChannel !== "undefined" ? new BroadcastChannel(CHANNEL) : null;
    channel.current = bc;
    return () => {
      cancelled = true;
      opened?.close();
      bc?.close();
    };
  }, [refresh]);

  const announce = useCallback(() => channel.current?.postMessage("changed"), []);

  const replay = useCallback(async () => {
    if (!store) return;
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    if (timer.current) clearTimeout(timer.current);
    let anyDone = false;
    let anyRefused = false;
    try {
      do {
        again.current = false;
        await withDeviceLock(async () => {
          await replayQueue(store, {
            userId: user.id,
            send: sendQueuedScan,
            onChange: (scan, outcome) => {
              setScans((list) => list.map((s) => (s.scanId === scan.scanId ? scan : s)));
              if (!outcome || outcome.kind === "failed") return;
              if (outcome.kind === "done") anyDone = true;
              else anyRefused = true;
              for (const listener of listeners.current.get(scan.scanId) ?? []) listener(scan, outcome);
              listeners.current.delete(scan.scanId);
            },
          });
        });
      } while (again.current);
    } finally {
      running.current = false;
    }
    const all = await store.all();
    setScans(all);
    announce();
    if (anyRefused) playFeedback("error");
    if (anyDone) {
      setSentLately(true);
      void queryClient.invalidateQueries();
    }
    // The oldest waiting scan in back-off: try again when it is due (not while the session has
    // ended: only signing in again helps, and the page replays then).
    const head = all.filter((s) => s.userId === user.id && !isSettled(s)).sort((a, b) => a.seq - b.seq)[0];
    if (head?.state === "retrying" && !needsSignIn(all, user.id)) timer.current = setTimeout(() => void replay(), Math.max(0, head.nextAttemptAt - Date.now()));
  }, [store, user.id, announce, queryClient, setScans]);

  // The network is back (or the browser says so): everything waiting may go now.
  const replayNow = useCallback(() => {
    if (!store) return;
    void (async () => {
      for (const scan of await store.all()) if (scan.state === "retrying") await store.update(dueNow(scan, Date.now()));
      await replay();
    })();
  }, [store, replay]);

  useEffect(() => {
    if (!store) return;
    const goOnline = () => {
      setOnline(true);
      replayNow();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    const bc = channel.current;
    const onMessage = () => void refresh(store);
    bc?.addEventListener("message", onMessage);
    if (navigator.onLine) replayNow();
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      bc?.removeEventListener("message", onMessage);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [store, replayNow, refresh]);

  const enqueue = useCallback(
    async (request: QueueRequest) => {
      if (!store) throw new Error("offline queue not open");
      const now = Date.now();
      const scan = await store.add({
        ...request,
        userId: user.id,
        userName: user.name,
        device: stationId(),
        queuedAt: now,
        state: "pending",
        attempts: 0,
        nextAttemptAt: now,
      });
      setScans((list) => (list.some((s) => s.scanId === scan.scanId) ? list : [...list, scan]));
      await refresh(store);
      announce();
      if (navigator.onLine) void replay();
      return scan;
    },
    [store, user.id, user.name, refresh, announce, replay, setScans],
  );

  const remove = useCallback(
    async (scanIds: readonly string[]) => {
      if (!store) return;
      await store.remove(scanIds);
      await refresh(store);
      announce();
    },
    [store, refresh, announce],
  );

  const onSettled = useCallback((scanId: string, listener: Listener) => {
    const set = listeners.current.get(scanId) ?? new Set<Listener>();
    set.add(listener);
    listeners.current.set(scanId, set);
    return () => set.delete(listener);
  }, []);

  const value = useMemo<OfflineQueueValue | null>(() => {
    if (!store) return null;
    const mine = () => latest.current.filter((s) => s.userId === user.id && !isSettled(s));
    return {
      online,
      scans,
      user,
      enqueue,
      pendingFor: (intent) => mine().find((s) => s.intent === intent),
      hasWaiting: () => mine().length > 0,
      waitingCount: () => mine().length,
      onSettled,
      replayNow,
      remove,
      listOpen,
      setListOpen,
      sentLately,
    };
  }, [store, scans, online, user, enqueue, onSettled, replayNow, remove, listOpen, setListOpen, sentLately]);

  return <OfflineQueueContext.Provider value={value}>{children}</OfflineQueueContext.Provider>;
}
