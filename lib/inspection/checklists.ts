import { and, desc, eq, max, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { categories, checklists, type Checklist } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { isUniqueViolation, parseInput, requireManager } from "./guards";

export const checklistPointSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lower-case letters, digits and _ for a point key."),
  subject: z.enum(["box", "item"]),
  labelEn: z.string().trim().min(1, "English label is required.").max(200),
  labelKo: z.string().trim().min(1, "Korean label is required.").max(200),
  required: z.boolean().default(true),
});

export const saveChecklistSchema = z.object({
  category: z.enum(categories),
  points: z
    .array(checklistPointSchema)
    .min(1, "A checklist needs at least one point.")
    .max(60)
    .refine((points) => new Set(points.map((p) => p.key)).size === points.length, "Each point needs its own key."),
  highValueMinPhotos: z.coerce.number().int().min(0).max(20).default(1),
});
export type SaveChecklistInput = z.input<typeof saveChecklistSchema>;

/** The checklist new inspections of this category use, or null if the center has none. */
export async function getActiveChecklist(q: Queryable, centerId: string, category: string): Promise<Checklist | null> {
  const [row] = await activeChecklist(q, { centerId, category });
  return row ?? null;
}

// Its SQL built once (db/reusable-query.ts).
const activeChecklist = reusableQuery((q) =>
  q
    .select()
    .from(checklists)
    .where(activeChecklistOf(sql.placeholder("centerId"), sql.placeholder("category")))
    .orderBy(desc(checklists.version))
    .limit(1),
);

/** The active checklists of a center's category (the newest version is the one in use). */
function activeChecklistOf(centerId: SQLWrapper | string, category: SQLWrapper | string) {
  return and(eq(checklists.centerId, centerId), eq(checklists.category, category), eq(checklists.active, true));
}

/** getActiveChecklist's id as a subquery, for a statement that stores it (a claim's new inspection). */
export function activeChecklistIdOf(centerId: SQLWrapper, category: SQLWrapper): SQL {
  return sql`select ${checklists.id} from ${checklists} where ${activeChecklistOf(centerId, category)} order by ${checklists.version} desc limit 1`;
}

/** The active checklist of every category, for the manager's editor. */
export async function listActiveChecklists(q: Queryable, centerId: string): Promise<Checklist[]> {
  return q
    .select()
    .from(checklists)
    .where(and(eq(checklists.centerId, centerId), eq(checklists.active, true)))
    .orderBy(checklists.category);
}

export async function getChecklistById(q: Queryable, centerId: string, checklistId: string): Promise<Checklist | null> {
  const [row] = await q.select().from(checklists).where(and(eq(checklists.id, checklistId), eq(checklists.centerId, centerId)));
  return row ?? null;
}

/**
 * Saves a checklist as a NEW version and makes it the active one. Earlier versions stay, so an
 * inspection keeps showing the points it was done with.
 */
export async function saveChecklist(db: Db, ctx: StaffContext, input: SaveChecklistInput): Promise<Checklist> {
  requireManager(ctx);
  const { category, points, highValueMinPhotos } = parseInput(saveChecklistSchema, input);
  try {
    return await db.transaction(async (tx) => {
      const [{ latest }] = await tx
        .select({ latest: max(checklists.version) })
        .from(checklists)
        .where(and(eq(checklists.centerId, ctx.centerId), eq(checklists.category, category)));
      await tx
        .update(checklists)
        .set({ active: false })
        .where(and(eq(checklists.centerId, ctx.centerId), eq(checklists.category, category), eq(checklists.active, true)));
      const [created] = await tx
        .insert(checklists)
        .values({ centerId: ctx.centerId, category, version: (latest ?? 0) + 1, points, highValueMinPhotos, active: true, createdBy: ctx.userId })
        .returning();
      return created;
    });
  } catch (error) {
    // Two managers saving at once: the unique (center, category, version) index lets one win.
    if (isUniqueViolation(error)) {
      throw new DomainError("conflict:checklist_version", "Someone else saved this checklist just now; reload it and save again.");
    }
    throw error;
  }
}
