import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { centers } from "./centers";
import { users } from "./users";

/**
 * A station's network label printer (ZPL over raw TCP). A station without a row prints PDFs through
 * the browser's print dialog. Keyed by the station id the client sends in `x-legit-station`.
 */
export const stationPrinters = pgTable(
  "station_printers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    station: text("station").notNull(),
    host: text("host").notNull(),
    port: integer("port").notNull().default(9100),
    /** 8 (203 dpi) or 12 (300 dpi). */
    dotsPerMm: integer("dots_per_mm").notNull().default(8),
    /** When Legit last stored its label font on this printer; null = send it before the next job. */
    fontSentAt: timestamp("font_sent_at", { withTimezone: true }),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("station_printers_center_station_idx").on(t.centerId, t.station)],
);

export type StationPrinter = typeof stationPrinters.$inferSelect;
