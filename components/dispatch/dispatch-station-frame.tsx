import type { ReactNode } from "react";
import type { ScanFeedback } from "@/components/scanner/scanner-provider";
import { StationLayout } from "@/components/station/station-layout";

/**
 * The frame every dispatch screen shares (pick, pack, handover, quarantine): the work on the left
 * under its heading; on the right the station's one answer area (its scans' and its buttons'
 * answers, `answer`) and the scan log.
 */
export function DispatchStationFrame(props: { heading: ReactNode; answer: ScanFeedback | null; children: ReactNode }) {
  return (
    <StationLayout answer={props.answer}>
      {props.heading}
      {props.children}
    </StationLayout>
  );
}
