import fc from "fast-check";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { sizeClassOf } from "@/lib/storage/size-class";
import { describeEachDb } from "../helpers/databases";

/** Rows of a raw query, from either driver (postgres.js: an array; PGlite: `{ rows }`). */
const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];

// Strings near the rule's edges: its words in any case, padded with spaces or other blanks, with
// letters whose case mapping is not ASCII (the Kelvin sign lower-cases to k, ſ upper-cases to S),
// and anything at all.
const variants = (words: string[]) =>
  fc.tuple(fc.constantFrom(...words), fc.constantFrom<(w: string) => string>((w) => w, (w) => w.toUpperCase(), (w) => w[0].toUpperCase() + w.slice(1), odd, kelvin)).map(([w, f]) => f(w));
const odd = (w: string) => w.replace("k", "\u212a").replace("s", "ſ").replace("i", "İ");
const kelvin = (w: string) => w.toUpperCase().replace("K", "\u212a");
const pad = fc.constantFrom("", "", " ", "  ", "\t", "\u00a0", "\n", "\u3000");
const padded = (words: fc.Arbitrary<string>) => fc.tuple(pad, words, pad).map((parts) => parts.join(""));
const anything = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: "grapheme", maxLength: 6 }));
const categoryWords = variants(["sneakers", "watches", "apparel", "tech", "bags", "furniture"]);
const sizeWords = variants(["xxl", "2xl", "3xl", "4xl", "xxxl", "xl", "m", "270"]);
const category = fc.oneof({ arbitrary: categoryWords, weight: 4 }, padded(categoryWords), anything);
const size = fc.oneof({ arbitrary: padded(sizeWords), weight: 4 }, sizeWords, anything);

describeEachDb("storage size class: the TypeScript rule and the database's agree", (use) => {
  async function classesInDb(pairs: { category: string; size: string }[]): Promise<string[]> {
    const values = sql.join(pairs.map((p, i) => sql`(${i}::int, ${p.category}::text, ${p.size}::text)`), sql`, `);
    const rows = rowsOf(await use().execute(sql`select storage_size_class(c, s) as cls from (values ${values}) as v(i, c, s) order by i`));
    return rows.map((r) => String(r.cls));
  }

  it("for the catalog's categories and sizes", async () => {
    const known = [
      { category: "sneakers", size: "270" },
      { category: "watches", size: "ONE SIZE" },
      { category: "apparel", size: "M" },
      { category: "apparel", size: " xxl " },
      { category: "Apparel", size: "3XL" },
      { category: "tech", size: "-" },
      { category: "bags", size: "OS" },
      { category: "furniture", size: "XXL" },
      // Only spaces are trimmed and only ASCII letters folded, in both: a tab or a Kelvin sign is not.
      { category: "apparel", size: "XXL\t" },
      { category: "SNEA\u212aERS", size: "270" },
    ];
    expect(await classesInDb(known)).toEqual(["S", "S", "M", "L", "L", "M", "L", "M", "M", "M"]);
    expect(known.map((k) => sizeClassOf(k))).toEqual(["S", "S", "M", "L", "L", "M", "L", "M", "M", "M"]);
  });

  it("for any category and size (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ category, size }), { minLength: 1, maxLength: 40 }), async (pairs) => {
        // NUL cannot be stored in a PostgreSQL text: an item never has one.
        const storable = pairs.map((p) => ({ category: p.category.replaceAll("\0", ""), size: p.size.replaceAll("\0", "") }));
        expect(await classesInDb(storable)).toEqual(storable.map((p) => sizeClassOf(p)));
      }),
      { numRuns: 100, seed: 20261126 },
    );
  });

  it("the stays trigger and the app's SQL call the same function", async () => {
    const rows = rowsOf(await use().execute(sql`select pg_get_functiondef('storage_stays_keep'::regproc) as def`));
    expect(String(rows[0].def)).toContain("storage_size_class(new.category, new.size)".replace(/new/g, "NEW"));
  });
});
