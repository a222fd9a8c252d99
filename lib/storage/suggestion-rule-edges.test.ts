import { describe, expect, it } from "vitest";
import { chooseBin } from "./suggestion-rule";

const bin = (code: string, occupied: number, capacity: number, pickSequence: number) => ({ id: code, code, occupied, capacity, pickSequence });

describe("putaway suggestion: edges", () => {
  it("keeps the less filled bin even when a fuller one comes later on the path", () => {
    expect(chooseBin([bin("A", 1, 4, 1), bin("B", 3, 4, 2)])?.code).toBe("A");
  });
  it("of equally filled bins at the same place on the path, keeps the first listed", () => {
    expect(chooseBin([bin("A", 1, 2, 5), bin("B", 2, 4, 5)])?.code).toBe("A");
  });
});
