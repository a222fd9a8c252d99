import net from "node:net";

/** A local stand-in for a network label printer: a TCP listener that keeps every job's bytes. */
export async function startTestPrinter(port = 0): Promise<{ port: number; jobs: Buffer[]; close: () => Promise<void> }> {
  const jobs: Buffer[] = [];
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("end", () => {
      jobs.push(Buffer.concat(chunks));
      socket.end();
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, jobs, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port on this machine with nothing listening (taken, then released). */
export async function closedPort(): Promise<number> {
  const printer = await startTestPrinter();
  await printer.close();
  return printer.port;
}
