const createNextIntlPlugin = require("next-intl/plugin");

const { securityHeaders } = require("./lib/http/security-headers.js");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  // esbuild bundles the service worker (app/serwist/[path]/route.ts, Serwist's Turbopack integration).
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit", "bwip-js", "@aws-sdk/client-s3", "esbuild"],
  poweredByHeader: false,
  // Separate build folders let several e2e runs (different ports) coexist on one machine.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Type checking runs once, in `npm test` (tsc --noEmit), not again inside every build.
  typescript: { ignoreBuildErrors: true },
  // CSP, framing, referrer and camera permissions on every answer (lib/http/security-headers.js).
  // The source names no parameter: with one (`/:path*`) Next compiles every header value holding a
  // colon (the CSP's `data:`, `blob:`) into a path template anew on every request (2.8% of an empty
  // route's CPU, scripts/bench/floor.ts); with none it sends the values as they are.
  async headers() {
    return [{ source: "/(.*)", headers: securityHeaders({ dev: process.env.NODE_ENV !== "production" }) }];
  },
};

module.exports = withNextIntl(nextConfig);
