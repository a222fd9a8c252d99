import path from "node:path";

/**
 * What every vitest project of this repo resolves the same way. `server-only` throws outside React
 * Server Components; tests import server modules on purpose. Station route handlers import Auth.js,
 * whose ESM imports "next/server" without an extension.
 */
export const alias = {
  "@": path.resolve(__dirname),
  "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js"),
  "next/server": "next/server.js",
};

/** Tests against a database: the throwaway PostgreSQL cluster, and Auth.js inlined (see above). */
export const withDatabase = {
  globalSetup: ["tests/helpers/global-setup.ts"],
  server: { deps: { inline: ["next-auth"] } },
};
