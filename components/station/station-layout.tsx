import type { ReactNode } from "react";
import { ScanPanel } from "@/components/scanner/scan-panel";
import type { ScanFeedback } from "@/components/scanner/scanner-provider";
import styles from "./station-layout.module.css";

/**
 * The storage and dispatch stations' frame: the work on the left, on the right the one place the
 * station answers (scans, and its buttons' `answer`) and its log.
 */
export function StationLayout({ children, answer = null }: { children: ReactNode; answer?: ScanFeedback | null }) {
  return (
    <div className={styles.station}>
      <div className={styles.main}>{children}</div>
      <aside className={styles.side}>
        <ScanPanel answer={answer} />
      </aside>
    </div>
  );
}
