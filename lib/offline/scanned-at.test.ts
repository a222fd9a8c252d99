import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import { maxScanAgeMs, scannedAtOf } from "./scanned-at";

describe("scannedAtOf: the time a queued scan was made, bounded by the server's clock", () => {
  const now = new Date("2026-11-25T12:00:00.000Z");

  it("no header: no scan time (the action was sent as it was made)", () => {
    expect(scannedAtOf(null, now)).toBeUndefined();
    expect(scannedAtOf("  ", now)).toBeUndefined();
  });

  it("takes an ISO time or epoch milliseconds from the past as it is", () => {
    expect(scannedAtOf("2026-11-25T09:15:00.000Z", now)?.toISOString()).toBe("2026-11-25T09:15:00.000Z");
    expect(scannedAtOf(String(Date.parse("2026-11-25T11:59:00Z")), now)?.toISOString()).toBe("2026-11-25T11:59:00.000Z");
  });

  it("never after now (a tablet clock running ahead), never older than the queue keeps scans", () => {
    expect(scannedAtOf("2026-11-25T13:00:00.000Z", now)?.toISOString()).toBe(now.toISOString());
    expect(scannedAtOf("2026-11-20T12:00:00.000Z", now)?.getTime()).toBe(now.getTime() - maxScanAgeMs);
  });

  it("refuses what is not a time, with its own code", () => {
    for (const bad of ["yesterday", "2026-11-25", "NaN", "12:00", "9".repeat(40)]) {
      expect(() => scannedAtOf(bad, now), bad).toThrow(DomainError);
    }
    expect(() => scannedAtOf("soon", now)).toThrow(expect.objectContaining({ code: "validation:scanned_at" }));
  });
});
