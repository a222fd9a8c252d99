import { MutationObserver, QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/http/api-fetch";
import { IntentScanIds, isRetryable, stationMutationOptions, type StationVariables } from "./station-action-core";

const lost = () => new ApiError("network", "", 0);
const refused = () => new ApiError("conflict:item_state", "refused", 409);

function counterIds() {
  let n = 0;
  return new IntentScanIds(() => `id-${++n}`);
}

/** Runs one station action through React Query's real mutation machinery (as useMutation does). */
async function runAction<T>(ids: IntentScanIds, intent: string, request: (scanId: string) => Promise<T>) {
  const observer = new MutationObserver<unknown, unknown, StationVariables<unknown>>(new QueryClient(), stationMutationOptions(1));
  const scanId = ids.idFor(intent);
  try {
    const result = await observer.mutate({ intent, scanId, request });
    ids.settle(intent);
    return { ok: true as const, result };
  } catch (error) {
    ids.settle(intent, error);
    return { ok: false as const, error };
  }
}

describe("station actions: one scan id per intent", () => {
  it("retries a lost answer with the same scan id, and lands once", async () => {
    const ids = counterIds();
    const seen: string[] = [];
    const effects = new Set<string>();
    const outcome = await runAction(ids, "confirm:unit-1", async (scanId) => {
      seen.push(scanId);
      effects.add(scanId); // the server did the work…
      if (seen.length < 3) throw lost(); // …but the answer was lost twice
      return "done";
    });
    expect(outcome).toEqual({ ok: true, result: "done" });
    expect(seen).toEqual(["id-1", "id-1", "id-1"]);
    expect(effects.size).toBe(1);
  });

  it("keeps the id after retries run out, so the person's next press is still the same intent", async () => {
    const ids = counterIds();
    const seen: string[] = [];
    const first = await runAction(ids, "verdict:insp-1", async (scanId) => {
      seen.push(scanId);
      throw lost();
    });
    expect(first.ok).toBe(false);
    expect(seen).toEqual(["id-1", "id-1", "id-1"]);
    const second = await runAction(ids, "verdict:insp-1", async (scanId) => scanId);
    expect(second).toEqual({ ok: true, result: "id-1" });
  });

  it("does not retry a refusal, and a later press of the same button is a new intent", async () => {
    const ids = counterIds();
    const seen: string[] = [];
    const first = await runAction(ids, "verdict:insp-1", async (scanId) => {
      seen.push(scanId);
      throw refused();
    });
    expect(first.ok).toBe(false);
    expect(seen).toEqual(["id-1"]);
    expect((await runAction(ids, "verdict:insp-1", async (scanId) => scanId)).result).toBe("id-2");
  });

  it("gives a new id after success and keeps intents apart", async () => {
    const ids = counterIds();
    expect(ids.idFor("a")).toBe("id-1");
    expect(ids.idFor("a")).toBe("id-1");
    expect(ids.idFor("b")).toBe("id-2");
    ids.settle("a");
    expect(ids.idFor("a")).toBe("id-3");
    ids.settle("b", lost());
    expect(ids.idFor("b")).toBe("id-2");
    ids.settle("b", new ApiError("internal", "", 500));
    expect(ids.idFor("b")).toBe("id-2");
    ids.settle("b", refused());
    expect(ids.idFor("b")).toBe("id-4");
  });

  it("retries only failures where the answer may be lost", () => {
    expect(isRetryable(lost())).toBe(true);
    expect(isRetryable(new ApiError("internal", "", 503))).toBe(true);
    expect(isRetryable(refused())).toBe(false);
    expect(isRetryable(new ApiError("validation", "", 422))).toBe(false);
    expect(isRetryable(new TypeError("Failed to fetch"))).toBe(true);
  });
});
