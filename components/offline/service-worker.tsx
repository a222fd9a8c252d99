"use client";

import { SerwistProvider, useSerwist } from "@serwist/turbopack/react";
import { useEffect, type ReactNode } from "react";

/** The page that registered the worker was loaded before it: keep a copy of it too. */
function CacheFirstPage() {
  const { serwist } = useSerwist();
  useEffect(() => {
    if (!serwist || !navigator.onLine) return;
    void serwist.messageSW({ type: "CACHE_URLS", payload: { urlsToCache: [window.location.pathname + window.location.search] } }).catch(() => undefined);
  }, [serwist]);
  return null;
}

/**
 * Registers the service worker (app/sw.ts, served at /serwist/sw.js) in production builds only
 * (`next dev` rebuilds too often for one to be useful), and keeps a copy of each page visited, so
 * station pages open again without the network. It does not reload when the network is back: the
 * station's queue sends what waits by itself.
 */
export function ServiceWorker({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  return (
    <SerwistProvider swUrl="/serwist/sw.js" disable={!enabled} reloadOnOnline={false} cacheOnNavigation>
      {enabled && <CacheFirstPage />}
      {children}
    </SerwistProvider>
  );
}
