import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { centers } from "./centers";
import { items } from "./items";
import { users } from "./users";

export const verdicts = [
  "pass",
  "pass_minor_defect",
  "fail_counterfeit",
  "fail_used",
  "fail_defect",
  "fail_wrong_item",
  "fail_missing_parts",
] as const;
export type Verdict = (typeof verdicts)[number];

export type ChecklistPoint = {
  key: string;
  /** The box and the item are checked as separate rows. */
  subject: "box" | "item";
  labelEn: string;
  labelKo: string;
  /** A verdict needs this point answered (ok / not ok). Missing means required. */
  required?: boolean;
};

/** A versioned checklist per category; an inspection keeps the version it was done with. */
export const checklists = pgTable(
  "checklists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    category: text("category").notNull(),
    version: integer("version").notNull(),
    points: jsonb("points").$type<ChecklistPoint[]>().notNull(),
    /** Photos an item at or above the center's four-eyes price needs, even on a pass. */
    highValueMinPhotos: integer("high_value_min_photos").notNull().default(1),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("checklists_center_category_version_idx").on(t.centerId, t.category, t.version)],
);

export const reasonCodes = pgTable(
  "reason_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    /** Null means every category. */
    category: text("category"),
    code: text("code").notNull(),
    labelEn: text("label_en").notNull(),
    labelKo: text("label_ko").notNull(),
    /** Verdicts this reason may justify. */
    verdicts: jsonb("verdicts").$type<Verdict[]>().notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [uniqueIndex("reason_codes_center_code_idx").on(t.centerId, t.code)],
);

export const inspectionStatuses = ["open", "awaiting_review", "done", "released"] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

export type ChecklistResult = { key: string; ok: boolean; note?: string };

export const inspections = pgTable(
  "inspections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id").notNull().references(() => items.id),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    inspectorId: uuid("inspector_id").notNull().references(() => users.id),
    checklistId: uuid("checklist_id").references(() => checklists.id),
    status: text("status").$type<InspectionStatus>().notNull().default("open"),
    results: jsonb("results").$type<ChecklistResult[]>().notNull().default([]),
    verdict: text("verdict").$type<Verdict>(),
    reasonCodes: jsonb("reason_codes").$type<string[]>().notNull().default([]),
    note: text("note"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** Claim to verdict, for the manager's statistics. */
    durationMs: integer("duration_ms"),
    reviewerId: uuid("reviewer_id").references(() => users.id),
    reviewVerdict: text("review_verdict").$type<Verdict>(),
    reviewNote: text("review_note"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [
    index("inspections_item_idx").on(t.itemId),
    // The open claims oldest first (lib/inspection/claims.ts, listOpenClaims), a page at a time.
    index("inspections_center_status_idx").on(t.centerId, t.status, t.claimedAt),
    // The desk's verdict figures for a range of days (today's inspections, verdict mix, fail reasons).
    index("inspections_center_submitted_idx").on(t.centerId, t.submittedAt),
    // Claim-to-verdict times per inspector (lib/inspection/inspector-times.ts), read from the index alone.
    index("inspections_center_inspector_idx").on(t.centerId, t.inspectorId, t.submittedAt, t.status, t.durationMs),
  ],
);

export const inspectionPhotos = pgTable(
  "inspection_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    inspectionId: uuid("inspection_id").notNull().references(() => inspections.id),
    itemId: uuid("item_id").notNull().references(() => items.id),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    caption: text("caption"),
    uploadedBy: uuid("uploaded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("inspection_photos_inspection_idx").on(t.inspectionId), index("inspection_photos_item_idx").on(t.itemId)],
);

export type Checklist = typeof checklists.$inferSelect;
export type ReasonCode = typeof reasonCodes.$inferSelect;
export type Inspection = typeof inspections.$inferSelect;
export type InspectionPhoto = typeof inspectionPhotos.$inferSelect;
