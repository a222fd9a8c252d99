import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every key path of a message file, e.g. "itemPage.print". */
function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const read = (locale: string, file: string) => JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, file), "utf8"));

describe("desk and admin screen texts", () => {
  it.each(["desk.json", "admin.json"])("%s has the same keys in Korean and English", (file) => {
    expect(keys(read("ko", file)).sort()).toEqual(keys(read("en", file)).sort());
  });
});
