// The benchmark's yardstick for the framework's floor (scripts/bench/floor.ts): plain node:http in a
// process of its own, answering what Legit's /api/health answers (the same JSON, with the same
// security headers as next.config.js adds), with no framework at all. Port from PORT.
const http = require("node:http");
const { securityHeaders } = require("../../lib/http/security-headers.js");

const fixed = Object.fromEntries(securityHeaders({ dev: false }).map(({ key, value }) => [key, value]));

http
  .createServer((request, response) => {
    request.resume();
    const body = JSON.stringify({ status: "ok", uptimeSeconds: Math.round(process.uptime()) });
    response.writeHead(200, { ...fixed, "cache-control": "no-store", "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    response.end(body);
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
