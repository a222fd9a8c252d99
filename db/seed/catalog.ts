import { readFileSync } from "node:fs";
import path from "node:path";
import type { Category, NewProduct, SizeClass } from "../schema";

/** Parses one CSV line with double-quoted fields. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      }
      else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(current);
      current = "";
    }
    else current += ch;
  }
  fields.push(current);
  return fields;
}

const sizeClassByCategory: Record<Category, SizeClass> = { sneakers: "S", watches: "S", tech: "M", apparel: "M", bags: "L" };

/** Sizes a product comes in: "220-300/5" is a range with a step, "S|M|L" a list. */
export function expandSizes(sizes: string): string[] {
  const range = /^(\d+)-(\d+)\/(\d+)$/.exec(sizes);
  if (!range) return sizes.split("|");
  const [from, to, step] = range.slice(1).map(Number);
  const out: string[] = [];
  for (let s = from; s <= to; s += step) out.push(String(s));
  return out;
}

export function loadCatalog(file = path.join(process.cwd(), "db", "seed-data", "catalog.csv")): NewProduct[] {
  const [header, ...lines] = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const columns = parseCsvLine(header);
  return lines.map((line) => {
    const row = Object.fromEntries(parseCsvLine(line).map((v, i) => [columns[i], v]));
    const category = row.category as Category;
    return {
      sku: row.sku,
      brand: row.brand,
      nameEn: row.name_en,
      nameKo: row.name_ko,
      category,
      colour: row.colour,
      releasePrice: Number(row.release_price_krw),
      sizes: row.sizes,
      sizeClass: sizeClassByCategory[category] ?? "M",
    };
  });
}
