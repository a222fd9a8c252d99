import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { stationPrinters, type StationPrinter } from "@/db/schema";
import { requireManager } from "@/lib/auth/require-role";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/errors/parse-input";

export const stationIdSchema = z.string().trim().min(1).max(40);

export const setStationPrinterSchema = z.object({
  station: stationIdSchema,
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:-]+$/, "a host name or IP address"),
  port: z.coerce.number().int().min(1).max(65535).default(9100),
  dotsPerMm: z.coerce.number().pipe(z.union([z.literal(8), z.literal(12)])).default(8),
});

/** The station's network printer, or null: that station prints PDFs in the browser. */
export async function findStationPrinter(q: Queryable, centerId: string, station: string | undefined): Promise<StationPrinter | null> {
  if (!station) return null;
  const [row] = await q
    .select()
    .from(stationPrinters)
    .where(and(eq(stationPrinters.centerId, centerId), eq(stationPrinters.station, station)));
  return row ?? null;
}

export function listStationPrinters(q: Queryable, centerId: string): Promise<StationPrinter[]> {
  return q.select().from(stationPrinters).where(eq(stationPrinters.centerId, centerId)).orderBy(asc(stationPrinters.station));
}

/** Sets (or changes) a station's network printer; a changed address gets the label font again. */
export async function setStationPrinter(db: Db, ctx: StaffContext, input: z.input<typeof setStationPrinterSchema>): Promise<StationPrinter> {
  requireManager(ctx);
  const data = parseInput(setStationPrinterSchema, input);
  return db.transaction(async (tx) => {
    const existing = await findStationPrinter(tx, ctx.centerId, data.station);
    const sameDevice = existing && existing.host === data.host && existing.port === data.port;
    const [row] = await tx
      .insert(stationPrinters)
      .values({ centerId: ctx.centerId, ...data, updatedBy: ctx.userId })
      .onConflictDoUpdate({
        target: [stationPrinters.centerId, stationPrinters.station],
        set: { host: data.host, port: data.port, dotsPerMm: data.dotsPerMm, updatedBy: ctx.userId, updatedAt: new Date(), fontSentAt: sameDevice ? existing.fontSentAt : null },
      })
      .returning();
    return row;
  });
}

/** Back to browser (PDF) printing for that station. */
export async function removeStationPrinter(db: Db, ctx: StaffContext, station: string): Promise<void> {
  requireManager(ctx);
  const deleted = await db
    .delete(stationPrinters)
    .where(and(eq(stationPrinters.centerId, ctx.centerId), eq(stationPrinters.station, parseInput(stationIdSchema, station))))
    .returning({ id: stationPrinters.id });
  if (deleted.length === 0) throw new DomainError("not_found:printer", "This station has no network printer.");
}
