import { z } from "zod";
import { binClasses } from "@/db/schema/storage";

/** Bins are created at most this many per request. */
export const maxBinsPerBatch = 5000;

const range = (max: number) =>
  z
    .object({ from: z.coerce.number().int().min(1).max(max), to: z.coerce.number().int().min(1).max(max) })
    .refine((r) => r.from <= r.to, "from must not be after to");

export const binLayoutSchema = z
  .object({
    zoneCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,3}$/, "1–3 letters or digits"),
    zoneName: z.string().trim().max(80).optional(),
    aisles: range(99),
    racks: range(99),
    levels: range(9),
    sizeClass: z.enum(binClasses),
    capacity: z.coerce.number().int().min(1).max(500),
  })
  .refine((s) => binCount(s) <= maxBinsPerBatch, `at most ${maxBinsPerBatch} bins at once`);

export type BinLayout = z.output<typeof binLayoutSchema>;

export function binCount(s: { aisles: { from: number; to: number }; racks: { from: number; to: number }; levels: { from: number; to: number } }): number {
  return (s.aisles.to - s.aisles.from + 1) * (s.racks.to - s.racks.from + 1) * (s.levels.to - s.levels.from + 1);
}

export const binCode = (zone: string, aisle: number, rack: number, level: number) =>
  `BIN-${zone}-${String(aisle).padStart(2, "0")}-${String(rack).padStart(2, "0")}-${level}`;

/**
 * The bins of a layout in walking order: aisle by aisle, racks along the aisle (every other aisle
 * walked back, a serpentine path), levels bottom to top at each rack.
 */
export function layoutBins(s: BinLayout): { code: string; aisle: number; rack: number; level: number }[] {
  const out = [];
  for (let aisle = s.aisles.from; aisle <= s.aisles.to; aisle++) {
    const racks = [];
    for (let rack = s.racks.from; rack <= s.racks.to; rack++) racks.push(rack);
    if ((aisle - s.aisles.from) % 2 === 1) racks.reverse();
    for (const rack of racks) for (let level = s.levels.from; level <= s.levels.to; level++) out.push({ code: binCode(s.zoneCode, aisle, rack, level), aisle, rack, level });
  }
  return out;
}

/** Walking order of existing bin codes in a zone (serpentine or straight), for re-sequencing a zone's path. */
export function pathOrder(codes: string[], style: "serpentine" | "straight"): string[] {
  const parsed = codes.map((code) => {
    const [, , aisle, rack, level] = code.split("-");
    return { code, aisle: Number.parseInt(aisle, 10) || 0, rack: Number.parseInt(rack, 10) || 0, level: Number.parseInt(level, 10) || 0 };
  });
  const aisles = [...new Set(parsed.map((p) => p.aisle))].sort((a, b) => a - b);
  const aisleRank = new Map(aisles.map((a, i) => [a, i]));
  return parsed
    .sort((a, b) => {
      if (a.aisle !== b.aisle) return a.aisle - b.aisle;
      const back = style === "serpentine" && (aisleRank.get(a.aisle) ?? 0) % 2 === 1;
      if (a.rack !== b.rack) return back ? b.rack - a.rack : a.rack - b.rack;
      if (a.level !== b.level) return a.level - b.level;
      return a.code.localeCompare(b.code);
    })
    .map((p) => p.code);
}
