/**
 * `next start` in LEGIT_INSTANCES processes behind one port, balanced by Node's cluster module
 * (the primary accepts connections and hands them to the workers round-robin). Each worker is a
 * whole Legit instance with its own database pool; they share nothing but PostgreSQL.
 */
const cluster = require("node:cluster");
const path = require("node:path");

const instances = Number(process.env.LEGIT_INSTANCES || 2);
const port = process.env.PORT || "3900";

if (cluster.isPrimary) {
  cluster.schedulingPolicy = cluster.SCHED_RR;
  cluster.setupPrimary({ exec: path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next"), args: ["start", "-p", port] });
  for (let i = 0; i < instances; i++) cluster.fork();
  const stop = () => {
    for (const worker of Object.values(cluster.workers)) worker.kill("SIGTERM");
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  cluster.on("exit", (worker, code) => {
    if (code) console.error(`instance ${worker.process.pid} exited with ${code}`);
  });
}
