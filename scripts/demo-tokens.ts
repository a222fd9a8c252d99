/**
 * Fixed bearer tokens of the demo API clients, one per demo center (demo data only: the README shows
 * them). The seed creates the clients with these; the simulator and the e2e specs use them.
 */
export const demoApiTokens = {
  SEL: "lgt_demo_seoul_0000000000000000000000",
  TYO: "lgt_demo_tokyo_0000000000000000000000",
} as const;

export type DemoCenterCode = keyof typeof demoApiTokens;
