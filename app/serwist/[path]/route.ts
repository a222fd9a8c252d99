import { createSerwistRoute } from "@serwist/turbopack";
import { publicRoute } from "@/lib/http/public-route";

// Serwist's Turbopack integration: the service worker (app/sw.ts) is bundled with esbuild and its
// precache manifest (the built app's static files) injected when `next build` prerenders this
// route, then served as /serwist/sw.js. Made on first use, so importing this module (the route
// inventory of tests/http does) builds nothing.
let route: ReturnType<typeof createSerwistRoute> | undefined;
const serwist = () => (route ??= createSerwistRoute({ swSrc: "app/sw.ts", useNativeEsbuild: true }));

export const dynamic = "force-static";
export const dynamicParams = false;
export const revalidate = false;
export const generateStaticParams = () => serwist().generateStaticParams();
export const GET = publicRoute("the service worker script: the same for everyone, no data in it", (request: Request, context: { params: Promise<{ path: string }> }) =>
  serwist().GET(request, context),
);
