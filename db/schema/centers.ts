import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Per-center operating settings. Stored as JSON so a new setting needs no migration. */
export type CenterSettings = {
  /** Hours after receipt by which an item should have a verdict. */
  inspectionDeadlineHours: number;
  /** Items priced at or above this (in the center's currency) need a second inspector. */
  fourEyesPrice: number;
  /** Seller penalty rate per failed verdict, as a fraction (0.15 = 15%). */
  penaltyRates: Record<string, number>;
  /** Days of free storage before daily storage charges start. */
  storageFreeDays: number;
  /** Free days per size class (S, M, L, XL); a class not listed uses storageFreeDays. */
  storageFreeDaysBySizeClass?: Partial<Record<"S" | "M" | "L" | "XL" | "Q", number>>;
  /** Daily storage fee per size class after the free period; a class not listed uses the default fee. */
  storageDailyFees?: Partial<Record<"S" | "M" | "L" | "XL" | "Q", number>>;
  /** Minutes after which an unfinished inspection claim may be taken over. */
  claimTimeoutMinutes: number;
  /** Desk SLA limits in hours (received → verdict is inspectionDeadlineHours). */
  passedToDispatchHours?: number;
  heldForBuyerHours?: number;
  awaitingPutawayHours?: number;
};

export const centers = pgTable("centers", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  timezone: text("timezone").notNull(),
  currency: text("currency").notNull().default("KRW"),
  settings: jsonb("settings").$type<CenterSettings>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Center = typeof centers.$inferSelect;
export type NewCenter = typeof centers.$inferInsert;
