import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { centers, type CenterSettings } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { defaultPenaltyRates } from "./verdict-rules";

/** Used for any setting a center's JSON lacks. */
export const fallbackSettings: CenterSettings = {
  inspectionDeadlineHours: 24,
  fourEyesPrice: 1_000_000,
  penaltyRates: { ...defaultPenaltyRates },
  storageFreeDays: 30,
  claimTimeoutMinutes: 30,
};

// Read by every verdict: its SQL built once (db/reusable-query.ts).
const settingsOfCenter = reusableQuery((q) => q.select({ settings: centers.settings }).from(centers).where(eq(centers.id, sql.placeholder("centerId"))));

export async function loadCenterSettings(q: Queryable, centerId: string): Promise<CenterSettings> {
  const [center] = await settingsOfCenter(q, { centerId });
  if (!center) throw new DomainError("not_found:center", "No such center.");
  return settingsWithFallback(center.settings);
}

/** A center's settings JSON with the fallback for every setting it lacks. */
export function settingsWithFallback(stored: Partial<CenterSettings> | null | undefined): CenterSettings {
  const s = stored ?? {};
  return { ...fallbackSettings, ...s, penaltyRates: { ...fallbackSettings.penaltyRates, ...s.penaltyRates } };
}
