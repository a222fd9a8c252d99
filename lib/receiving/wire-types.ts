import type { CloseParcelAnswer } from "@/lib/receiving/close-parcel";
import type { AttachParcelAnswer } from "@/lib/receiving/attach-parcel";
import type { UnitByCode } from "@/lib/receiving/find-unit-by-code";
import type { UnexpectedUnitAnswer } from "@/lib/receiving/receive-unexpected-unit";
import type { ReceiveUnitAnswer } from "@/lib/receiving/receive-unit";
import type { ParcelScanAnswer } from "@/lib/receiving/scan-parcel";
import type { OrderView, ParcelDetail, ParcelView, UnitView } from "@/lib/receiving/views";

/** What the receiving routes answer (type-only imports: nothing server-side reaches the browser). */
export type ReceivingScanAnswer = ({ kind: "parcel"; repeated: boolean } & ParcelScanAnswer) | { kind: "unit"; unit: UnitByCode }
  | { kind: "unknown"; trackingNumber: string };
export type ReceiveUnitResult = ReceiveUnitAnswer & { repeated: boolean };
export type UnexpectedUnitResult = UnexpectedUnitAnswer & { repeated: boolean };
export type AttachResult = AttachParcelAnswer & { repeated: boolean };
export type { CloseParcelAnswer, OrderView, ParcelDetail, ParcelView, UnitView, UnitByCode };
