/**
 * Runs once per server process. With the embedded database only this process may open it, so the
 * webhook relay runs inside the app (with PostgreSQL run `npm run relay` as its own process instead,
 * or set LEGIT_RELAY_IN_PROCESS=1). The relay's position lives in the database either way. Without
 * the relay in this process, the app still folds the desk's rollup deltas itself (lib/rollups/fold-loop.ts).
 */
export async function register() {
  // Inlined by Next per runtime (so the Node-only imports below stay out of the edge bundle).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Validates the environment: a wrong value stops the start here, naming the variable.
  const { env } = await import("./lib/env");
  if (env.NEXT_PHASE !== "phase-production-build") {
    const { photoSharingWarning } = await import("./lib/photos/photo-sharing");
    const warning = photoSharingWarning(env);
    if (warning) console.warn(`WARNING: ${warning}`);
  }
  if (env.NEXT_PHASE === "phase-production-build") return;
  const inProcess = env.LEGIT_RELAY_IN_PROCESS ?? (env.DATABASE_URL ? "0" : "1");
  const { getDb } = await import("./db/client");
  if (inProcess !== "1") {
    // The relay, which also folds, runs elsewhere (or not at all): fold the desk's rollups here. The
    // database is opened by the loop's first pass, so the app still starts while it is down.
    const { runFoldLoop } = await import("./lib/rollups/fold-loop");
    void runFoldLoop(getDb, {
      signal: new AbortController().signal,
      onError: (error) => console.error("rollup fold failed:", error),
    });
    return;
  }
  const { runRelayLoop } = await import("./lib/api/relay-loop");
  const db = await getDb();
  void runRelayLoop(db, {
    signal: new AbortController().signal,
    intervalMs: 2000,
    onError: (error) => console.error("webhook relay pass failed:", error),
  });
}
