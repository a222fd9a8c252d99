import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { QueuedScan } from "./queued-scan";

interface OfflineDb extends DBSchema {
  scans: { key: string; value: QueuedScan; indexes: { seq: number } };
}

export const OFFLINE_DB_NAME = "legit-offline";

/** A new scan for the queue: the store gives it its place (seq). */
export type NewQueuedScan = Omit<QueuedScan, "seq">;

/**
 * The durable queue: IndexedDB in the browser (through `idb`), so queued scans outlive a reload, a
 * closed tab or a flat battery. Every tab of the origin shares it.
 */
export class QueueStore {
  private constructor(private readonly db: IDBPDatabase<OfflineDb>) {}

  static async open(name = OFFLINE_DB_NAME): Promise<QueueStore> {
    const db = await openDB<OfflineDb>(name, 1, {
      upgrade(database) {
        const scans = database.createObjectStore("scans", { keyPath: "scanId" });
        scans.createIndex("seq", "seq", { unique: false });
      },
    });
    return new QueueStore(db);
  }

  /**
   * Adds a scan at the end of the queue. The same scan id twice (a double press while queued) keeps
   * the first: answers the stored one.
   */
  async add(scan: NewQueuedScan): Promise<QueuedScan> {
    const tx = this.db.transaction("scans", "readwrite");
    const existing = await tx.store.get(scan.scanId);
    if (existing) {
      await tx.done;
      return existing;
    }
    const last = await tx.store.index("seq").openCursor(null, "prev");
    const stored: QueuedScan = { ...scan, seq: (last?.value.seq ?? 0) + 1 };
    await tx.store.add(stored);
    await tx.done;
    return stored;
  }

  /** Every scan, oldest first. */
  async all(): Promise<QueuedScan[]> {
    return this.db.getAllFromIndex("scans", "seq");
  }

  async get(scanId: string): Promise<QueuedScan | undefined> {
    return this.db.get("scans", scanId);
  }

  /** Writes a scan's new state (only if it is still queued: a cleared scan stays cleared). */
  async update(scan: QueuedScan): Promise<void> {
    const tx = this.db.transaction("scans", "readwrite");
    if (await tx.store.get(scan.scanId)) await tx.store.put(scan);
    await tx.done;
  }

  async remove(scanIds: readonly string[]): Promise<void> {
    const tx = this.db.transaction("scans", "readwrite");
    await Promise.all(scanIds.map((id) => tx.store.delete(id)));
    await tx.done;
  }

  close(): void {
    this.db.close();
  }
}
