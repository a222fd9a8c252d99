import net from "node:net";
import { openDb, type DbHandle } from "@/db/open-db";

/**
 * A database opened through a TCP relay that counts what the client writes to the server: on
 * loopback each write of postgres.js arrives as one chunk, and writes that wait for an answer
 * cannot be merged, so the count is the client's round trips (and pipelined statements show as one).
 */
export async function openThroughCountingRelay(databaseUrl: string, max = 2): Promise<{ handle: DbHandle; writes: () => number; reset: () => void; close: () => Promise<void> }> {
  const target = new URL(databaseUrl);
  let writes = 0;
  const relay = net.createServer((client) => {
    const server = net.connect(Number(target.port || 5432), target.hostname);
    client.on("data", (chunk) => {
      writes++;
      server.write(chunk);
    });
    server.on("data", (chunk) => client.write(chunk));
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const { port } = relay.address() as net.AddressInfo;
  const credentials = `${target.username}${target.password ? `:${target.password}` : ""}`;
  const handle = await openDb({ url: `${target.protocol}//${credentials}@127.0.0.1:${port}${target.pathname}`, migrate: false, max });
  return {
    handle,
    writes: () => writes,
    reset: () => {
      writes = 0;
    },
    close: async () => {
      await handle.close();
      relay.close();
    },
  };
}
