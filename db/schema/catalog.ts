import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";

export const categories = ["sneakers", "apparel", "bags", "watches", "tech"] as const;
export type Category = (typeof categories)[number];

export const sizeClasses = ["S", "M", "L", "XL"] as const;
export type SizeClass = (typeof sizeClasses)[number];

/** Reference data for products the marketplace sells (model, colour, release price). */
export const products = pgTable("products", {
  id: uuid("id").primaryKey().defaultRandom(),
  sku: text("sku").notNull().unique(),
  brand: text("brand").notNull(),
  nameEn: text("name_en").notNull(),
  nameKo: text("name_ko").notNull(),
  category: text("category").$type<Category>().notNull(),
  colour: text("colour").notNull(),
  releasePrice: integer("release_price").notNull(),
  /** Sizes as offered, e.g. "220-300/5" or "S|M|L". */
  sizes: text("sizes").notNull(),
  /** Storage size class of one boxed unit. */
  sizeClass: text("size_class").$type<SizeClass>().notNull(),
  imageUrl: text("image_url"),
});

export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
