import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { inboundOrders, inspections, items, products, users, verdicts, type Verdict } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { getChecklistById } from "./checklists";
import { inspectionsWithInspector } from "./inspection-joins";
import { loadCenterSettings } from "./inspection-settings";
import { listPhotos } from "./inspection-photos";
import { listReasonCodes } from "./reason-codes";
import { checkReviewer, isSenior, penaltyRateFor, reasonsFor, reviewReasonFor } from "./verdict-rules";

const reviewers = alias(users, "reviewers");

/** Everything the tablet's inspection screen shows, for one inspection of the staff member's center. */
export async function getInspectionView(db: Db, ctx: StaffContext, inspectionId: string) {
  if (!z.uuid().safeParse(inspectionId).success) throw new DomainError("not_found:inspection", "No such inspection in this center.");
  const [row] = await inspectionsWithInspector(db, { inspection: inspections, inspectorName: users.name, reviewerName: reviewers.name })
    .leftJoin(reviewers, eq(reviewers.id, inspections.reviewerId))
    .where(and(eq(inspections.id, inspectionId), eq(inspections.centerId, ctx.centerId)));
  if (!row) throw new DomainError("not_found:inspection", "No such inspection in this center.");
  const { inspection } = row;
  const [item] = await db.select().from(items).where(eq(items.id, inspection.itemId));
  if (!item) throw new DomainError("not_found:item", "No such item.");
  const [order] = await db
    .select({ externalId: inboundOrders.externalId, type: inboundOrders.type })
    .from(inboundOrders)
    .where(eq(inboundOrders.id, item.orderId));
  const [product] = await db.select().from(products).where(eq(products.sku, item.sku));
  const checklist = inspection.checklistId ? await getChecklistById(db, ctx.centerId, inspection.checklistId) : null;
  const photos = await listPhotos(db, ctx.centerId, { inspectionId });
  const reasonCodes = await listReasonCodes(db, ctx.centerId, { category: item.category });
  const settings = await loadCenterSettings(db, ctx.centerId);

  const verdictOptions = verdicts.map((verdict: Verdict) => ({
    verdict,
    needsReason: verdict !== "pass",
    needsPhoto: verdict !== "pass",
    /** Recording it now would send the item to a second inspector. */
    reviewReason: reviewReasonFor(verdict, item.price, settings.fourEyesPrice),
    penaltyRate: penaltyRateFor(verdict, settings.penaltyRates),
    reasonCodes: reasonsFor(reasonCodes, verdict, item.category).map((r) => r.code),
  }));
  const reviewIssues =
    inspection.status === "awaiting_review"
      ? checkReviewer({ inspectorId: inspection.inspectorId, reviewerId: ctx.userId, reviewerRole: ctx.role, originalVerdict: inspection.verdict! })
      : [];
  const canReview = inspection.status === "awaiting_review" && reviewIssues.length === 0;

  return {
    /** Why this person's review would be refused (code of the refusal): the screen disables the buttons and says so. */
    reviewBlock: reviewIssues[0]?.code ?? null,
    /** Overturning to counterfeit needs a senior inspector. */
    counterfeitBlocked: !isSenior(ctx.role),
    inspection: {
      id: inspection.id,
      status: inspection.status,
      inspectorId: inspection.inspectorId,
      inspectorName: row.inspectorName,
      claimedAt: inspection.claimedAt,
      /** When the claim may be released or taken over if no verdict was recorded. */
      claimExpiresAt: new Date(inspection.claimedAt.getTime() + settings.claimTimeoutMinutes * 60_000),
      verdict: inspection.verdict,
      reasonCodes: inspection.reasonCodes,
      note: inspection.note,
      submittedAt: inspection.submittedAt,
      durationMs: inspection.durationMs,
      reviewerId: inspection.reviewerId,
      reviewerName: row.reviewerName,
      reviewVerdict: inspection.reviewVerdict,
      reviewNote: inspection.reviewNote,
      reviewedAt: inspection.reviewedAt,
    },
    item: {
      id: item.id,
      code: item.code,
      state: item.state,
      type: item.type,
      sku: item.sku,
      productName: item.productName,
      category: item.category,
      size: item.size,
      price: item.price,
      defectNote: item.defectNote,
      receivedAt: item.receivedAt,
    },
    order: order ? { externalId: order.externalId, type: order.type } : null,
    /** Reference data from the catalogue, or null for an unknown SKU. */
    product: product
      ? {
          brand: product.brand,
          nameEn: product.nameEn,
          nameKo: product.nameKo,
          colour: product.colour,
          releasePrice: product.releasePrice,
          imageUrl: product.imageUrl,
          sizes: product.sizes,
        }
      : null,
    checklist: checklist ? { id: checklist.id, version: checklist.version, points: checklist.points } : null,
    results: inspection.results,
    photos: photos.map((p) => ({ id: p.id, caption: p.caption, contentType: p.contentType, bytes: p.bytes, createdAt: p.createdAt })),
    verdictOptions,
    reasonCodes: reasonCodes.map((r) => ({ code: r.code, labelEn: r.labelEn, labelKo: r.labelKo, verdicts: r.verdicts })),
    /** The viewer is the claiming inspector and may still change it. */
    canEdit: inspection.status === "open" && inspection.inspectorId === ctx.userId,
    /** The viewer may confirm or overturn it (another person; senior for a counterfeit). */
    canReview,
  };
}
export type InspectionView = Awaited<ReturnType<typeof getInspectionView>>;
