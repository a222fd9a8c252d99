"use client";

import type { ReactNode } from "react";
import type { ScanFeedback } from "@/components/scanner/scanner-provider";
import { ActionAnswer } from "@/components/station/action-answer";
import { StationLayout } from "@/components/station/station-layout";

/**
 * The frame every dispatch screen shares (pick, pack, handover, quarantine): the work on the left
 * under its heading and the last action's answer, the scanner's answer and log on the right.
 */
export function DispatchStationFrame(props: { heading: ReactNode; answer: ScanFeedback | null; answerTestId: string; children: ReactNode }) {
  return (
    <StationLayout>
      {props.heading}
      <ActionAnswer answer={props.answer} testId={props.answerTestId} />
      {props.children}
    </StationLayout>
  );
}
