import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { inspections, type CenterSettings, type ChecklistPoint, type Inspection, type Item, type ReasonCode } from "@/db/schema";
import type { LockedItem } from "@/lib/items/apply-transition";
import { settingsWithFallback } from "./inspection-settings";
import { lockItemOfInspection } from "./lock-inspection";

/** What a verdict or a review judges by, read with the inspection's lock. */
export type InspectionRules = {
  settings: CenterSettings;
  /** The center's reason codes, all of them (rules filter by verdict, category and active). */
  reasons: ReasonCode[];
  photoCount: number;
  /** The inspection's checklist version (null when the category had none at the claim). */
  checklist: { points: ChecklistPoint[]; highValueMinPhotos: number } | null;
};

export type LockedInspectionWithRules = { inspection: Inspection; item: Item; locked: LockedItem; rules: InspectionRules };

/**
 * lockInspectionAndItem (item first, then the inspection `for update`) for the verdict and the
 * review: the inspection's lock also reads, in the same statement, the center's settings and
 * reason codes, the inspection's photo count and its checklist version, which the separate reads
 * of loadCenterSettings, loadReasons and judgeVerdict fetched one statement each.
 */
export async function lockInspectionWithRules(tx: Tx, centerId: string, inspectionId: string): Promise<LockedInspectionWithRules | null> {
  const [locked] = await lockItemOfInspection(tx, { inspectionId, centerId });
  if (!locked) return null;
  const [row] = await lockInspectionReadingRules(tx, { inspectionId, centerId });
  const rules: InspectionRules = {
    settings: settingsWithFallback(row.settings),
    reasons: (row.reasons ?? []).map((r) => ({ ...r, centerId })),
    photoCount: Number(row.photoCount),
    checklist: row.checklist,
  };
  return { inspection: row.inspection, item: locked.item, locked, rules };
}

/** json/jsonb of a subquery as the driver hands it: PGlite and postgres.js parse it, a text would need parsing. */
const parsedJson = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

type ReasonJson = Omit<ReasonCode, "centerId">;

// Its SQL built once (db/reusable-query.ts). The subqueries name their tables in plain SQL: in a
// select of one table Drizzle writes the columns inside `sql` fields without their table, which
// would turn `photos.inspection_id = inspections.id` into `inspection_id = id`.
const lockInspectionReadingRules = reusableQuery((q) =>
  q
    .select({
      inspection: inspections,
      settings: sql`(select c.settings from centers c where c.id = ${sql.placeholder("centerId")})`.mapWith((v) => parsedJson<Partial<CenterSettings> | null>(v)),
      reasons: sql`(select json_agg(json_build_object('id', r.id, 'category', r.category, 'code', r.code, 'labelEn', r.label_en, 'labelKo', r.label_ko,
                     'verdicts', r.verdicts, 'active', r.active) order by r.code)
                   from reason_codes r where r.center_id = ${sql.placeholder("centerId")})`.mapWith((v) => parsedJson<ReasonJson[] | null>(v)),
      photoCount: sql`(select count(*)::int from inspection_photos p where p.inspection_id = inspections.id)`.mapWith(Number),
      checklist: sql`(select json_build_object('points', c.points, 'highValueMinPhotos', c.high_value_min_photos)
                     from checklists c where c.id = inspections.checklist_id)`.mapWith((v) => parsedJson<InspectionRules["checklist"]>(v)),
    })
    .from(inspections)
    .where(eq(inspections.id, sql.placeholder("inspectionId")))
    .for("update", { of: inspections }),
);
