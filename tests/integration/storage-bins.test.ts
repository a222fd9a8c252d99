import { and, asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { adminEvents, bins, zones } from "@/db/schema";
import { createBins, listZoneBins, previewBins, setBinActive, setZonePath } from "@/lib/storage/bins-admin";
import { describeEachDb } from "../helpers/databases";
import { worldBeforeAll } from "../helpers/world-before-all";
import { binByCode, storageCenter, storedIn } from "./storage-fixtures";

const layout = { zoneCode: "K", zoneName: "Kicks", aisles: { from: 1, to: 2 }, racks: { from: 1, to: 3 }, levels: { from: 1, to: 2 }, sizeClass: "S", capacity: 6 };

describeEachDb("storage: zones and bins", (use) => {
  const setup = worldBeforeAll(use, storageCenter);

  it("previews, then bulk-creates bins along a serpentine path; existing codes are skipped; only managers", async () => {
    const db = use();
    const preview = await previewBins(db, setup.manager, layout);
    expect(preview).toMatchObject({ zoneCode: "K", zoneExists: false, count: 12, newCount: 12, existing: [], last: "BIN-K-02-01-2" });
    expect(preview.sample[0]).toBe("BIN-K-01-01-1");
    expect(await db.select().from(bins).where(eq(bins.centerId, setup.center.id))).toHaveLength(0);
    await expect(createBins(db, setup.operator, layout)).rejects.toMatchObject({ code: "forbidden:role" });
    await expect(createBins(db, setup.manager, { ...layout, capacity: 0 })).rejects.toMatchObject({ code: "validation" });

    expect(await createBins(db, setup.manager, layout)).toEqual({ created: 12, skipped: 0, zoneCode: "K" });
    const wider = { ...layout, aisles: { from: 1, to: 3 } };
    expect(await previewBins(db, setup.manager, wider)).toMatchObject({ zoneExists: true, count: 18, newCount: 6 });
    expect(await createBins(db, setup.manager, wider)).toEqual({ created: 6, skipped: 12, zoneCode: "K" });
    const [zone] = await db.select().from(zones).where(and(eq(zones.centerId, setup.center.id), eq(zones.code, "K")));
    expect(zone.name).toBe("Kicks");
    const path = await listZoneBins(db, setup.center.id, "k");
    expect(path.map((b) => b.code).slice(5, 8)).toEqual(["BIN-K-01-03-2", "BIN-K-02-03-1", "BIN-K-02-03-2"]);
    expect(path.every((b) => b.capacity === 6 && b.sizeClass === "S" && b.occupied === 0)).toBe(true);
  });

  it("re-sequences a zone's path straight, inside the zone's own range", async () => {
    const db = use();
    const before = await listZoneBins(db, setup.center.id, "K");
    await setZonePath(db, setup.manager, { zoneCode: "K", style: "straight" });
    const after = await listZoneBins(db, setup.center.id, "K");
    expect(after.map((b) => b.pickSequence)).toEqual(before.map((b) => b.pickSequence).sort((a, b) => a - b));
    expect(after.slice(6, 8).map((b) => b.code)).toEqual(["BIN-K-02-01-1", "BIN-K-02-01-2"]);
    await expect(setZonePath(db, setup.manager, { zoneCode: "NO", style: "straight" })).rejects.toMatchObject({ code: "not_found:zone" });
  });

  it("deactivates a bin only when empty, and reactivates it", async () => {
    const db = use();
    const item = await storedIn(db, setup.operator, "BIN-K-01-01-1");
    await expect(setBinActive(db, setup.manager, { binCode: "BIN-K-01-01-1", active: false })).rejects.toMatchObject({ code: "conflict:bin_not_empty" });
    expect((await binByCode(db, "BIN-K-01-01-1")).active).toBe(true);
    expect(item.id).toBeTruthy();
    expect((await setBinActive(db, setup.manager, { binCode: "bin-k-01-01-2", active: false })).active).toBe(false);
    expect((await setBinActive(db, setup.manager, { binCode: "BIN-K-01-01-2", active: true })).active).toBe(true);
    await expect(setBinActive(db, setup.manager, { binCode: "BIN-K-09-09-9", active: false })).rejects.toMatchObject({ code: "not_found:bin" });
    const rows = await db.select().from(bins).where(eq(bins.centerId, setup.center.id)).orderBy(asc(bins.code));
    expect(rows).toHaveLength(18);
  });

  it("records every change of bins in the administration log: who created, re-pathed, deactivated and activated what", async () => {
    const log = await use().select().from(adminEvents).where(eq(adminEvents.centerId, setup.center.id)).orderBy(asc(adminEvents.id));
    const mine = log.filter((e) => ["zone", "bin"].includes(e.targetType));
    expect(mine.map((e) => [e.action, e.targetId])).toEqual([
      ["bins_created", "K"],
      ["bins_created", "K"],
      ["zone_path_changed", "K"],
      ["bin_deactivated", "BIN-K-01-01-2"],
      ["bin_activated", "BIN-K-01-01-2"],
    ]);
    expect(mine[1].details).toMatchObject({ sizeClass: "S", capacity: 6, created: 6, skipped: 12, first: "BIN-K-01-01-1", last: "BIN-K-03-03-2" });
    expect(mine[2].details).toEqual({ style: "straight", bins: 18 });
    expect(mine.every((e) => e.actorUserId === setup.manager.userId)).toBe(true);
  });
});
