export type { PickListSummary } from "@/lib/dispatch/pick-queue";
export type { PickListView, PickLineView, PickScanAnswer } from "@/lib/dispatch/picking";
export type { PackView, PackAnswer, OpenParcel } from "@/lib/dispatch/packing";
export type { ShipmentView, ResultSheet } from "@/lib/dispatch/shipment-view";
export type { ManifestView, AddParcelAnswer, CloseManifestAnswer } from "@/lib/dispatch/manifests";
export type { QuarantineEntry } from "@/lib/dispatch/quarantine";
