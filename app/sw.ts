/// <reference lib="webworker" />
// The service worker (Serwist), bundled by app/serwist/[path]/route.ts at build time and served as
// /serwist/sw.js. It makes station pages load after a first visit with no network: the app's code
// is precached, pages and the station data they read are kept as last seen (network first). It
// never touches writes: a POST that fails offline is kept by the station's own queue (lib/offline).
import { defaultCache } from "@serwist/turbopack/worker";
import { ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, type PrecacheEntry, type SerwistGlobalConfig, type SerwistPlugin } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** A shift and a bit: what a station last saw stays usable through an offline spell of a shift. */
const KEEP_SECONDS = 14 * 60 * 60;

/** Keep only real answers: a redirect (to the sign-in page) must not become the offline copy of a station. */
const onlyDirectAnswers: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  // Not Serwist's `clientsClaim: true`: it calls clients.claim() in an activate listener without
  // waitUntil, so the worker reports "activated" before it controls the open pages, and a page that
  // checks right then (a test's readiness check, a station's first offline moment) finds no
  // controller. Claimed below, inside the activation.
  clientsClaim: false,
  runtimeCaching: [
    { matcher: ({ url }) => url.pathname.startsWith("/api/auth/"), handler: new NetworkOnly() },
    {
      // What the station screens read (queues, parcels, pick lists): the last answer when offline.
      matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/api/station/"),
      method: "GET",
      handler: new NetworkFirst({
        cacheName: "station-data",
        networkTimeoutSeconds: 5,
        plugins: [onlyDirectAnswers, new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: KEEP_SECONDS })],
      }),
    },
    {
      // Pages (navigations, the copies the page asks for with CACHE_URLS) and their React Server
      // Component payloads (?_rsc=…), as last seen: any same-origin path that is not an API, a
      // build file or a file with an extension.
      matcher: ({ sameOrigin, url }) => sameOrigin && !/^\/(api|_next|serwist)\//.test(url.pathname) && !/\.[a-z0-9]+$/i.test(url.pathname),
      method: "GET",
      handler: new NetworkFirst({
        cacheName: "station-pages",
        networkTimeoutSeconds: 5,
        plugins: [onlyDirectAnswers, new ExpirationPlugin({ maxEntries: 120, maxAgeSeconds: KEEP_SECONDS })],
      }),
    },
    ...defaultCache,
  ],
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

serwist.addEventListeners();
