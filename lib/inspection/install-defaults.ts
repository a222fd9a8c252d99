import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checklists, reasonCodes } from "@/db/schema";
import { defaultChecklists } from "./default-checklists";
import { defaultReasonCodes } from "./default-reason-codes";

/**
 * Gives a center the default checklists (version 1, for categories that have none yet) and the
 * default reason codes (those it lacks). Safe to run again; never overwrites a manager's edits.
 */
export async function installInspectionDefaults(db: Db, centerId: string): Promise<{ checklists: number; reasonCodes: number }> {
  return db.transaction(async (tx) => {
    let checklistCount = 0;
    for (const [category, points] of Object.entries(defaultChecklists)) {
      const existing = await tx
        .select({ id: checklists.id })
        .from(checklists)
        .where(and(eq(checklists.centerId, centerId), eq(checklists.category, category)))
        .limit(1);
      if (existing.length > 0) continue;
      // Watches and bags above the four-eyes price are photographed more (dial, movement, serials).
      const highValueMinPhotos = category === "watches" ? 3 : category === "bags" ? 2 : 1;
      await tx.insert(checklists).values({ centerId, category, version: 1, points, highValueMinPhotos, active: true });
      checklistCount++;
    }
    const inserted = await tx
      .insert(reasonCodes)
      .values(defaultReasonCodes.map((r) => ({ centerId, ...r, active: true })))
      .onConflictDoNothing()
      .returning({ id: reasonCodes.id });
    return { checklists: checklistCount, reasonCodes: inserted.length };
  });
}
