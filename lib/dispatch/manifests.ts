import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { items, manifests, shipments, users, type Manifest } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, staffActor } from "@/lib/items/apply-transition";
import { normalizeTrackingNumber } from "@/lib/scan-codes/tracking-number";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { carrierCodes, findCarrier } from "./carriers";
import { parseInput, requireDispatcher, scanIdSchema } from "./guards";
import { groupParcels, type ManifestParcel } from "./manifest-parcels";


export type ManifestView = {
  id: string;
  carrier: string;
  carrierName: string;
  status: Manifest["status"];
  createdAt: string;
  createdBy: string | null;
  closedAt: string | null;
  parcels: ManifestParcel[];
  itemCount: number;
};

export async function loadManifest(q: Queryable, centerId: string, manifestId: string): Promise<ManifestView> {
  const [row] = await q
    .select({ manifest: manifests, createdBy: users.name })
    .from(manifests)
    .leftJoin(users, eq(users.id, manifests.createdBy))
    .where(and(eq(manifests.id, manifestId), eq(manifests.centerId, centerId)));
  if (!row) throw new DomainError("not_found:manifest", "No such manifest in this center.");
  return manifestView(q, row.manifest, row.createdBy);
}

/** A manifest read (or locked) with its creator's name, and its parcels as they are now. */
async function manifestView(q: Queryable, manifest: Manifest, createdBy: string | null): Promise<ManifestView> {
  const rows = await parcelsOnManifest(q, { manifestId: manifest.id });
  return { ...manifestHeader(manifest, createdBy), parcels: groupParcels(rows), itemCount: rows.length };
}

// The parcels of a manifest (every scan onto it answers with them), its SQL built once.
const parcelsOnManifest = reusableQuery((q) =>
  q
    .select({
      trackingNumber: shipments.trackingNumber,
      destination: shipments.destination,
      recipientName: sql<string>`${shipments.recipient}->>'name'`,
      itemCode: items.code,
    })
    .from(shipments)
    .innerJoin(items, eq(items.id, shipments.itemId))
    .where(eq(shipments.manifestId, sql.placeholder("manifestId")))
    .orderBy(asc(shipments.packedAt)),
);

function manifestHeader(m: Manifest, createdBy: string | null): Omit<ManifestView, "parcels" | "itemCount"> {
  return {
    id: m.id,
    carrier: m.carrier,
    carrierName: findCarrier(m.carrier).name,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
    createdBy,
    closedAt: m.closedAt?.toISOString() ?? null,
  };
}

/** Open manifests, and the ones closed in the last day, newest first. @public */
export async function listManifests(q: Queryable, ctx: StaffContext): Promise<ManifestView[]> {
  requireDispatcher(ctx);
  const rows = await q
    .select({ id: manifests.id })
    .from(manifests)
    .where(and(eq(manifests.centerId, ctx.centerId), sql`(${manifests.status} = 'open' or ${manifests.closedAt} > now() - interval '1 day')`))
    .orderBy(desc(manifests.createdAt))
    .limit(30);
  return Promise.all(rows.map((r) => loadManifest(q, ctx.centerId, r.id)));
}

export const openManifestSchema = z.object({ scanId: scanIdSchema, carrier: z.enum(carrierCodes) });

/** Opens a manifest for one carrier pickup. */
export async function openManifest(db: Db, ctx: StaffContext, input: z.input<typeof openManifestSchema>): Promise<ScanOutcome<ManifestView>> {
  requireDispatcher(ctx);
  const data = parseInput(openManifestSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "dispatch.manifest_open" }, async (tx) => {
    const [manifest] = await tx.insert(manifests).values({ centerId: ctx.centerId, carrier: data.carrier, createdBy: ctx.userId }).returning();
    return loadManifest(tx, ctx.centerId, manifest.id);
  });
}

// The manifest's lock with its creator's name, its SQL built once.
const lockManifest = reusableQuery((q) =>
  q
    .select({ manifest: manifests, createdByName: users.name })
    .from(manifests)
    .leftJoin(users, eq(users.id, manifests.createdBy))
    .where(and(eq(manifests.id, sql.placeholder("manifestId")), eq(manifests.centerId, sql.placeholder("centerId"))))
    .for("update", { of: manifests }),
);

/** Locks an open manifest of the center; its creator's name comes with it (for the answer's header). */
async function lockOpenManifest(tx: Tx, ctx: StaffContext, manifestId: string): Promise<Manifest & { createdByName: string | null }> {
  const [row] = await lockManifest(tx, { manifestId, centerId: ctx.centerId });
  const manifest = row && { ...row.manifest, createdByName: row.createdByName };
  if (!manifest) throw new DomainError("not_found:manifest", "No such manifest in this center.");
  if (manifest.status === "closed") {
    throw new DomainError("conflict:manifest_closed", `This ${findCarrier(manifest.carrier).name} manifest was already closed and handed over; open a new one.`, {
      carrier: findCarrier(manifest.carrier).name,
    });
  }
  return manifest;
}

export const addParcelSchema = z.object({ scanId: scanIdSchema, manifestId: z.uuid(), trackingNumber: z.string().trim().min(1).max(200) });

export type AddParcelAnswer = { trackingNumber: string; items: number; manifest: ManifestView };

/**
 * Scans a packed parcel onto an open manifest. Refused: an unknown number, another carrier's
 * parcel, a parcel already on a manifest. Of two manifests taking the same parcel at once, one
 * wins: the claim is a conditional update, and the loser's re-check finds it taken.
 */
export async function addParcelToManifest(db: Db, ctx: StaffContext, input: z.input<typeof addParcelSchema>): Promise<ScanOutcome<AddParcelAnswer>> {
  requireDispatcher(ctx);
  const data = parseInput(addParcelSchema, input);
  const trackingNumber = normalizeTrackingNumber(data.trackingNumber);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "dispatch.manifest_add" }, async (tx) => {
    const manifest = await lockOpenManifest(tx, ctx, data.manifestId);
    const parcel = await parcelCarriers(tx, { centerId: ctx.centerId, trackingNumber });
    if (parcel.length === 0) {
      throw new DomainError("not_found:outbound_parcel", `No packed parcel ${trackingNumber} in this center; pack it first.`, { tracking: trackingNumber });
    }
    if (parcel.some((s) => s.carrier !== manifest.carrier)) {
      const theirs = findCarrier(parcel[0].carrier ?? manifest.carrier).name;
      throw new DomainError("conflict:parcel_wrong_carrier", `Parcel ${trackingNumber} goes with ${theirs}, not ${findCarrier(manifest.carrier).name}; keep it apart.`, {
        tracking: trackingNumber,
        carrier: theirs,
      });
    }
    const claimed = await claimParcel(tx, { manifestId: manifest.id, centerId: ctx.centerId, trackingNumber });
    if (claimed.length === 0) {
      const [now] = await tx
        .select({ manifestId: shipments.manifestId, status: shipments.status })
        .from(shipments)
        .where(and(eq(shipments.centerId, ctx.centerId), eq(shipments.trackingNumber, trackingNumber)))
        .limit(1);
      if (now?.manifestId === manifest.id) {
        throw new DomainError("conflict:parcel_on_this_manifest", `Parcel ${trackingNumber} is already on this manifest.`, { tracking: trackingNumber });
      }
      throw new DomainError("conflict:parcel_on_manifest", `Parcel ${trackingNumber} is already on another manifest${now?.status === "dispatched" ? " and was handed over" : ""}.`, {
        tracking: trackingNumber,
      });
    }
    // Adding a parcel leaves the manifest's own row as it was locked: only its parcels are read again.
    return { trackingNumber, items: claimed.length, manifest: await manifestView(tx, manifest, manifest.createdByName) };
  });
}

// A handover scan's two statements on the parcel, their SQL built once: its shipments' carriers,
// then the claim (a conditional update: of two manifests taking it at once, one wins).
const parcelCarriers = reusableQuery((q) =>
  q
    .select({ carrier: shipments.carrier })
    .from(shipments)
    .where(and(eq(shipments.centerId, sql.placeholder("centerId")), eq(shipments.trackingNumber, sql.placeholder("trackingNumber")))),
);
const claimParcel = reusableQuery((q) =>
  q
    .update(shipments)
    .set({ manifestId: sql.placeholder("manifestId") as unknown as string })
    .where(
      and(
        eq(shipments.centerId, sql.placeholder("centerId")),
        eq(shipments.trackingNumber, sql.placeholder("trackingNumber")),
        eq(shipments.status, "packed"),
        isNull(shipments.manifestId),
      ),
    )
    .returning({ id: shipments.id }),
);

export const closeManifestSchema = z.object({ scanId: scanIdSchema, manifestId: z.uuid() });

export type CloseManifestAnswer = { manifest: ManifestView; dispatched: number };

/**
 * The carrier took the parcels: every item on the manifest becomes `dispatched`, each with an
 * outbox event carrying its carrier and tracking number. Closing it again is refused (a repeat of
 * the same request, by scan id, answers the first result).
 */
export async function closeManifest(db: Db, ctx: StaffContext, input: z.input<typeof closeManifestSchema>): Promise<ScanOutcome<CloseManifestAnswer>> {
  requireDispatcher(ctx);
  const data = parseInput(closeManifestSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "dispatch.manifest_close" }, async (tx) => {
    const manifest = await lockOpenManifest(tx, ctx, data.manifestId);
    const onIt = await tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.manifestId, manifest.id), eq(shipments.status, "packed")))
      .orderBy(asc(shipments.packedAt));
    if (onIt.length === 0) throw new DomainError("conflict:manifest_empty", "Scan at least one parcel onto the manifest before closing it.");
    const now = new Date();
    for (const s of onIt) {
      await applyTransition(tx, {
        itemId: s.itemId,
        action: "dispatch",
        actor: staffActor(ctx),
        centerId: ctx.centerId,
        details: { shipmentId: s.id, manifestId: manifest.id, carrier: s.carrier, trackingNumber: s.trackingNumber, destination: s.destination, shipmentReason: s.reason },
      });
    }
    await tx
      .update(shipments)
      .set({ status: "dispatched", dispatchedAt: now })
      .where(inArray(shipments.id, onIt.map((s) => s.id)));
    await tx.update(manifests).set({ status: "closed", closedAt: now, closedBy: ctx.userId }).where(eq(manifests.id, manifest.id));
    return { manifest: await loadManifest(tx, ctx.centerId, manifest.id), dispatched: onIt.length };
  });
}
