import { describe, expect, it } from "vitest";
import {
  applyOutcome,
  backoffMs,
  dueNow,
  isFinalStatus,
  isNetworkStatus,
  markSending,
  needsSignIn,
  nextToSend,
  queueCounts,
  unsettledOf,
  waitingOwners,
  type QueuedScan,
} from "./queued-scan";

function scan(seq: number, over: Partial<QueuedScan> = {}): QueuedScan {
  return {
    scanId: `s${seq}`,
    seq,
    intent: `i${seq}`,
    userId: "u1",
    userName: "Kim",
    station: "receive",
    device: "ST-1",
    queuedAt: 1000 + seq,
    request: { url: "/api/station/x", body: { n: seq } },
    summary: { key: "offline.summary.generic", params: {} },
    state: "pending",
    attempts: 0,
    nextAttemptAt: 0,
    ...over,
  };
}

const mid = () => 0.5;

describe("back-off", () => {
  it("doubles from 2 s per failed send and stops at five minutes", () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, mid))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffMs(9, mid)).toBe(300_000);
    expect(backoffMs(50, mid)).toBe(300_000);
    expect(backoffMs(0, mid)).toBe(2000);
  });

  it("spreads each delay by ±20% so tablets coming back do not send in step", () => {
    expect(backoffMs(1, () => 0)).toBe(1600);
    expect(backoffMs(1, () => 1)).toBe(2400);
    expect(backoffMs(9, () => 1)).toBe(360_000);
  });
});

describe("which answers are final", () => {
  it("takes the server's refusals as final and keeps scans the server never judged", () => {
    expect([400, 403, 404, 409, 413, 422].every(isFinalStatus)).toBe(true);
    expect([0, 401, 408, 429, 500, 502, 503, 504, 200].some(isFinalStatus)).toBe(false);
  });

  it("queues on no answer and on a gateway's failure, not on our own server's error", () => {
    expect([0, 502, 503, 504].every(isNetworkStatus)).toBe(true);
    expect([200, 400, 409, 500, 401].some(isNetworkStatus)).toBe(false);
  });
});

describe("a queued scan's life", () => {
  it("counts its sends and settles done or refused", () => {
    const sending = markSending(scan(1));
    expect(sending).toMatchObject({ state: "sending", attempts: 1 });
    expect(applyOutcome(sending, { kind: "done", result: { ok: 1 } }, 5000)).toMatchObject({ state: "done", settledAt: 5000, error: undefined });
    const error = { code: "conflict:item_state", status: 409, params: { state: "received" } };
    expect(applyOutcome(sending, { kind: "refused", error }, 5000)).toMatchObject({ state: "refused", error, settledAt: 5000 });
  });

  it("waits its back-off after a failure, longer after each", () => {
    const error = { code: "network", status: 0, params: {} };
    const first = applyOutcome(markSending(scan(1)), { kind: "failed", error }, 10_000, mid);
    expect(first).toMatchObject({ state: "retrying", nextAttemptAt: 12_000, error });
    const second = applyOutcome(markSending(first), { kind: "failed", error }, 20_000, mid);
    expect(second).toMatchObject({ attempts: 2, nextAttemptAt: 24_000 });
  });

  it("is due at once when the network comes back", () => {
    expect(dueNow(scan(1, { state: "retrying", nextAttemptAt: 99_000 }), 5).nextAttemptAt).toBe(5);
    expect(dueNow(scan(1, { state: "done", nextAttemptAt: 99_000 }), 5).nextAttemptAt).toBe(99_000);
  });
});

describe("replay order", () => {
  it("sends the user's oldest unsettled scan first, whatever the list's order", () => {
    const scans = [scan(3), scan(1, { state: "done" }), scan(2, { userId: "u2" }), scan(4)];
    expect(nextToSend(scans, "u1", 0)?.scanId).toBe("s3");
    expect(unsettledOf(scans, "u1").map((s) => s.scanId)).toEqual(["s3", "s4"]);
    expect(nextToSend(scans, "u2", 0)?.scanId).toBe("s2");
  });

  it("lets nothing overtake a scan waiting for its back-off", () => {
    const scans = [scan(1, { state: "retrying", nextAttemptAt: 2000 }), scan(2)];
    expect(nextToSend(scans, "u1", 1999)).toBeNull();
    expect(nextToSend(scans, "u1", 2000)?.scanId).toBe("s1");
  });

  it("sends again a scan left sending when its tab closed", () => {
    expect(nextToSend([scan(1, { state: "sending", attempts: 1 }), scan(2)], "u1", 0)?.scanId).toBe("s1");
  });

  it("goes past refused scans: a refusal is final and shown, the rest still go", () => {
    expect(nextToSend([scan(1, { state: "refused" }), scan(2)], "u1", 0)?.scanId).toBe("s2");
    expect(nextToSend([scan(1, { state: "refused" })], "u1", 0)).toBeNull();
  });

  it("counts what waits, what was refused, and other people's scans", () => {
    const scans = [scan(1), scan(2, { state: "retrying" }), scan(3, { state: "refused" }), scan(4, { state: "done" }), scan(5, { userId: "u2" })];
    expect(queueCounts(scans, "u1")).toEqual({ waiting: 2, refused: 1, done: 1, others: 1 });
  });
});

describe("a session that ended while scans waited", () => {
  const expired = { code: "unauthorized", status: 401, params: {} };

  it("asks to sign in again when the oldest waiting scan was answered 401, and keeps the scans", () => {
    const head = applyOutcome(markSending(scan(1)), { kind: "failed", error: expired }, 5_000, mid);
    expect(head.state).toBe("retrying");
    const queue = [head, scan(2)];
    expect(needsSignIn(queue, "u1")).toBe(true);
    expect(unsettledOf(queue, "u1")).toHaveLength(2);
    // A plain network failure, or nothing failed yet: no sign-in needed.
    expect(needsSignIn([applyOutcome(markSending(scan(1)), { kind: "failed", error: { code: "network", status: 0, params: {} } }, 5_000, mid)], "u1")).toBe(false);
    expect(needsSignIn([scan(1)], "u1")).toBe(false);
  });

  it("another person signed in on the device: their scans are not sent, and are shown as waiting for their owner", () => {
    const queue = [scan(1, { state: "retrying", error: expired }), scan(2), scan(3, { userId: "u3", userName: "Lee", state: "done" })];
    expect(nextToSend(queue, "u2", 10_000)).toBeNull();
    expect(needsSignIn(queue, "u2")).toBe(false);
    expect(queueCounts(queue, "u2")).toMatchObject({ waiting: 0, others: 2 });
    expect(waitingOwners(queue, "u2")).toEqual(["Kim"]);
    // The owner again: the scans go, oldest first.
    expect(nextToSend(queue, "u1", 10_000)?.scanId).toBe("s1");
  });
});
