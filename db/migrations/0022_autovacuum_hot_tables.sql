-- The desk's queue ages and inspector times are index-only scans (items_center_state_idx,
-- inspections_center_inspector_idx); they stay index-only only while the visibility map is current.
-- With the default 20% threshold, autovacuum waits for ~350k dead rows at 1.7M items, and a busy day
-- updates 100k+ items first: the scans then visit the heap (queue ages 221 ms before a VACUUM, 95 ms
-- after, at load 12). Vacuum these two tables after 1% of their rows changed (issue #15).
ALTER TABLE items SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);--> statement-breakpoint
ALTER TABLE inspections SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
