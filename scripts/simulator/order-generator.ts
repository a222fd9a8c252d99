import type { AnnounceOrderRequest } from "@/lib/api/schemas";

/** What the simulator needs of a catalog product (db/seed/catalog.ts loads them from the CSV). */
export type CatalogProduct = { sku: string; nameEn: string; category: string; releasePrice: number; sizes: string };

/** A small seedable PRNG (mulberry32), so a run can be repeated with --seed. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

function sizesOf(spec: string): string[] {
  const range = /^(\d+)-(\d+)\/(\d+)$/.exec(spec);
  if (!range) return spec.split("|");
  const [from, to, step] = range.slice(1).map(Number);
  return Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => String(from + i * step));
}

const people = {
  ko: {
    family: ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"],
    given: ["Minji", "Jiho", "Seoyeon", "Hyunwoo", "Yuna", "Dohyun", "Jisoo", "Taeyang", "Haeun", "Junseo"],
    streets: ["Teheran-ro, Gangnam-gu", "Sejong-daero, Jung-gu", "Olympic-ro, Songpa-gu", "Yanghwa-ro, Mapo-gu", "Dosan-daero, Gangnam-gu"],
    city: "Seoul",
  },
  ja: {
    family: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato"],
    given: ["Haruto", "Yui", "Sota", "Hina", "Ren", "Aoi", "Yuto", "Mei", "Riku", "Sakura"],
    streets: ["Jingumae, Shibuya-ku", "Ginza, Chuo-ku", "Shinjuku, Shinjuku-ku", "Roppongi, Minato-ku", "Kichijoji, Musashino-shi"],
    city: "Tokyo",
  },
};

function person(rng: () => number, locale: keyof typeof people, prefix: string) {
  const p = people[locale];
  return {
    id: `${prefix}-${Math.floor(rng() * 1_000_000)}`,
    name: `${pick(rng, p.family)} ${pick(rng, p.given)}`,
    address: `${1 + Math.floor(rng() * 300)} ${pick(rng, p.streets)}, ${p.city}`,
  };
}

/**
 * A plausible marketplace order: 1–3 units of real catalog products (storage sellers send up to 5),
 * resale prices around the release price, people and addresses of the center's country.
 */
export function generateOrder(
  rng: () => number,
  input: { catalog: readonly CatalogProduct[]; centerCode: string; type: "trade" | "storage"; externalId: string },
): AnnounceOrderRequest {
  const locale = input.centerCode === "TYO" ? "ja" : "ko";
  // Prices are in the center's currency: the catalog is in KRW; yen is roughly a tenth.
  const currencyFactor = locale === "ja" ? 0.1 : 1;
  const units = 1 + Math.floor(rng() * (input.type === "storage" ? 5 : 3));
  const items = Array.from({ length: units }, () => {
    const product = pick(rng, input.catalog);
    const markup = 0.85 + rng() * 1.6;
    return {
      sku: product.sku,
      productName: product.nameEn,
      category: product.category as AnnounceOrderRequest["items"][number]["category"],
      size: pick(rng, sizesOf(product.sizes)),
      price: Math.max(1000, Math.round((product.releasePrice * markup * currencyFactor) / 1000) * 1000),
    };
  });
  const order: AnnounceOrderRequest = {
    externalId: input.externalId,
    type: input.type,
    centerCode: input.centerCode,
    seller: person(rng, locale, "S"),
    items,
    trackingNumber: String(Math.floor(100_000_000_000 + rng() * 899_999_999_999)),
  };
  if (input.type === "trade") order.buyer = person(rng, locale, "B");
  return order;
}
