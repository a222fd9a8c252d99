import net from "node:net";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Sends raw bytes to a network label printer (Zebra "raw" port, 9100): connect, write, close.
 * A printer that refuses, does not answer within `connectTimeoutMs`, or drops the connection is a
 * DomainError `conflict:printer_unreachable` with `{ printer }`, so the station can say so and retry.
 */
export function sendToPrinter(
  target: { host: string; port: number },
  bytes: Buffer,
  options: { connectTimeoutMs?: number; totalTimeoutMs?: number } = {},
): Promise<void> {
  const printer = `${target.host}:${target.port}`;
  const unreachable = (why: string) =>
    new DomainError("conflict:printer_unreachable", `The label printer ${printer} does not answer (${why}). Check it is on and connected, then try again.`, {
      printer,
    });
  return new Promise<void>((resolve, reject) => {
    const socket = net.createConnection({ host: target.host, port: target.port });
    let settled = false;
    const finish = (error?: DomainError) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      if (error) {
        socket.destroy();
        reject(error);
      } else resolve();
    };
    const connectTimer = setTimeout(() => finish(unreachable("no connection")), options.connectTimeoutMs ?? 3000);
    const totalTimer = setTimeout(() => finish(unreachable("timed out")), options.totalTimeoutMs ?? 20_000);
    socket.on("connect", () => {
      clearTimeout(connectTimer);
      socket.end(bytes);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => finish(unreachable(error.code ?? error.message)));
    // All bytes written: wait for the printer to close its side (it has read everything); one that
    // keeps the connection open has the bytes too, so close it ourselves after a moment.
    socket.on("finish", () => {
      const linger = setTimeout(() => socket.destroy(), 1500);
      socket.once("close", () => clearTimeout(linger));
    });
    socket.on("end", () => socket.destroy());
    socket.on("data", () => {});
    socket.on("close", (hadError) => (hadError ? finish(unreachable("connection lost")) : finish()));
  });
}
