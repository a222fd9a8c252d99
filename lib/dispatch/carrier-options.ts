import { carriers } from "./carriers";

/** The carriers as the station screens show them: code, name, and whether Legit issues numbers. */
export const carrierOptions = () => carriers.map((c) => ({ code: c.code, name: c.name, issues: c.adapter.kind !== "manual" }));
