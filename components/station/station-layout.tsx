import type { ReactNode } from "react";
import { ScanPanel } from "@/components/scanner/scan-panel";
import styles from "./station-layout.module.css";

/** The storage and dispatch stations' frame: the work on the left, the scanner's answer and log on the right. */
export function StationLayout({ children }: { children: ReactNode }) {
  return (
    <div className={styles.station}>
      <div className={styles.main}>{children}</div>
      <aside className={styles.side}>
        <ScanPanel />
      </aside>
    </div>
  );
}
