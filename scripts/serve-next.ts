import { spawn } from "node:child_process";

/** Runs `next start` in production mode on `port`, passing signals on and exiting with it. */
export function serveNext(port: string, env: NodeJS.ProcessEnv) {
  const server = spawn("npx", ["next", "start", "-p", port], {
    stdio: "inherit",
    env: { ...env, AUTH_TRUST_HOST: "true", NODE_ENV: "production" },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}
