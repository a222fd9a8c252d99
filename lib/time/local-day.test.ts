import { describe, expect, it } from "vitest";
import { startOfLocalDay } from "./local-day";

describe("startOfLocalDay", () => {
  it("finds local midnight in Seoul and Tokyo (UTC+9), also across the UTC date line", () => {
    // 2026-11-25 02:30 UTC is 11:30 in Seoul on the 25th: the day began at 2026-11-24 15:00 UTC.
    expect(startOfLocalDay("Asia/Seoul", new Date("2026-11-25T02:30:00Z")).toISOString()).toBe("2026-11-24T15:00:00.000Z");
    // 2026-11-25 16:00 UTC is already the 26th in Tokyo.
    expect(startOfLocalDay("Asia/Tokyo", new Date("2026-11-25T16:00:00Z")).toISOString()).toBe("2026-11-25T15:00:00.000Z");
  });

  it("works for zones behind UTC and with half-hour offsets", () => {
    expect(startOfLocalDay("America/New_York", new Date("2026-11-25T03:00:00Z")).toISOString()).toBe("2026-11-24T05:00:00.000Z");
    expect(startOfLocalDay("Asia/Kolkata", new Date("2026-11-25T20:00:00Z")).toISOString()).toBe("2026-11-25T18:30:00.000Z");
  });

  it("returns the same instant at one second after local midnight", () => {
    expect(startOfLocalDay("Asia/Seoul", new Date("2026-11-24T15:00:01Z")).toISOString()).toBe("2026-11-24T15:00:00.000Z");
  });
});
