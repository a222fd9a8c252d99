import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { centers, type CenterSettings } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { zodIssues } from "@/lib/errors/error-params";
import { fallbackSettings } from "@/lib/inspection/inspection-settings";
import { requireRole } from "@/lib/auth/require-role";
import { defaultDailyFees } from "@/lib/storage/fees";
import { recordAdminEvent } from "./admin-events";

/** Desk defaults for the settings a center's JSON may lack (inspection's own are in fallbackSettings). */
export const deskDefaults = {
  passedToDispatchHours: 24,
  heldForBuyerHours: 72,
  awaitingPutawayHours: 8,
} as const;

const feeClasses = ["S", "M", "L", "XL"] as const;
type FeeClass = (typeof feeClasses)[number];

export type EditableSettings = Omit<Required<CenterSettings>, "storageFreeDaysBySizeClass" | "storageDailyFees"> & {
  timezone: string;
  currency: string;
  storageDailyFees: Record<FeeClass, number>;
  storageFreeDaysBySizeClass?: CenterSettings["storageFreeDaysBySizeClass"];
};

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const hours = z.number().int().min(1).max(24 * 60);
const rate = z.number().min(0).max(1);
const fee = z.number().min(0).max(1_000_000);

/** A center's editable settings; a value out of range is refused and nothing changes. */
export const centerSettingsSchema = z.strictObject({
  timezone: z.string().trim().refine(isTimeZone, "Not a time zone (e.g. Asia/Seoul)."),
  currency: z.string().trim().regex(/^[A-Z]{3}$/, "A three-letter currency code, e.g. KRW."),
  inspectionDeadlineHours: hours,
  passedToDispatchHours: hours,
  heldForBuyerHours: hours,
  awaitingPutawayHours: hours,
  fourEyesPrice: z.number().int().min(0).max(10_000_000_000),
  claimTimeoutMinutes: z.number().int().min(5).max(24 * 60),
  penaltyRates: z.strictObject({
    fail_counterfeit: rate,
    fail_used: rate,
    fail_defect: rate,
    fail_wrong_item: rate,
    fail_missing_parts: rate,
  }),
  storageFreeDays: z.number().int().min(0).max(3650),
  storageFreeDaysBySizeClass: z.partialRecord(z.enum(["S", "M", "L", "XL", "Q"]), z.number().int().min(0).max(3650)).optional(),
  storageDailyFees: z.strictObject({ S: fee, M: fee, L: fee, XL: fee }),
});
export type CenterSettingsInput = z.input<typeof centerSettingsSchema>;

/** The center's settings with every default filled in, as the settings page shows them. */
export async function readCenterSettings(q: Queryable, centerId: string): Promise<EditableSettings> {
  const [center] = await q.select().from(centers).where(eq(centers.id, centerId));
  if (!center) throw new DomainError("not_found:center", "No such center.");
  const s: Partial<CenterSettings> = center.settings ?? {};
  return {
    timezone: center.timezone,
    currency: center.currency,
    ...fallbackSettings,
    ...deskDefaults,
    ...s,
    penaltyRates: { ...fallbackSettings.penaltyRates, ...s.penaltyRates },
    storageDailyFees: { ...pick(defaultDailyFees, feeClasses), ...pick(s.storageDailyFees ?? {}, feeClasses) },
  };
}

function pick<T extends Record<string, number | undefined>>(source: T, keys: readonly FeeClass[]): Record<FeeClass, number> {
  return Object.fromEntries(keys.filter((k) => typeof source[k] === "number").map((k) => [k, source[k]])) as Record<FeeClass, number>;
}

/**
 * Replaces a center's settings after validating every value (a bad one is refused with the field
 * named and nothing changes) and logs the change with each value before and after. Admins only;
 * a manager's center is the only one they could see anyway.
 */
export async function updateCenterSettings(db: Db, ctx: StaffContext, centerId: string, input: unknown): Promise<EditableSettings> {
  requireRole(ctx, ["admin"], "Only an admin can change center settings.");
  const parsed = centerSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    throw new DomainError("validation:settings", `Not changed: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, {
      field: issues[0]?.path ?? "",
      issues,
    });
  }
  const { timezone, currency, ...fields } = parsed.data;
  const settings: CenterSettings = fields;
  const after: EditableSettings = { timezone, currency, ...fields };
  return db.transaction(async (tx) => {
    const before = await readCenterSettings(tx, centerId);
    await tx.update(centers).set({ timezone, currency, settings }).where(eq(centers.id, centerId));
    const changed = Object.fromEntries(
      Object.entries(after)
        .filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof EditableSettings]))
        .map(([key, value]) => [key, { from: before[key as keyof EditableSettings], to: value }]),
    );
    await recordAdminEvent(tx, { centerId, actorUserId: ctx.userId, action: "center_settings_changed", targetType: "center", targetId: centerId, details: { changed } });
    return after;
  });
}
