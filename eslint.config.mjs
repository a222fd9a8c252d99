// Lint for correctness, not style: Next's core-web-vitals rules (React, hooks, Next pitfalls) and
// typescript-eslint's recommended rules. Run with `npm run lint` (also a step of `npm test`).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next*/**", "node_modules/**", "test-results/**", "playwright-report/**", "bench-results/**", ".data/**", ".stryker-tmp/**", "reports/**", "next-env.d.ts", "db/migrations/**"],
  },
  {
    rules: {
      // `_name` marks a value left unused on purpose (destructuring it away, a required parameter).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // CommonJS on purpose (Next's config, a cluster launcher).
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // No React here: `use()` is describeEachDb's database and Playwright's fixture callback.
    files: ["tests/**", "e2e/**", "scripts/**"],
    rules: { "react-hooks/rules-of-hooks": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // React Compiler readiness rules (the app does not use the compiler): they flag timing in server
    // components, the latest-ref pattern, reading browser-only state after mount, and callbacks that
    // call a function declared further down (fine: it runs after render).
    rules: { "react-hooks/purity": "off", "react-hooks/refs": "off", "react-hooks/set-state-in-effect": "off", "react-hooks/immutability": "off" },
  },
];

export default config;
