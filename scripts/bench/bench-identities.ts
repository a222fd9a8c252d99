/** Who the benchmark signs in as; scripts/bench/bench-data.ts creates exactly these. */
export const benchPin = "2580";
export const benchPassword = "bench-password";
/** The bench API client's bearer token (bench databases only). */
export const benchApiToken = "lgt_bench-token-not-for-production-0000000000";

export const benchCenterCode = (c: number) => `BN${c}`;
export const benchManagerEmail = (c: number) => `manager${c}@bench.test`;
export const operatorBadge = (c: number, k: number) => `EMP-9${c}1${String(k).padStart(4, "0")}`;
export const inspectorBadge = (c: number, k: number) => `EMP-9${c}2${String(k).padStart(4, "0")}`;
