import type { ReactNode } from "react";
import { CsvButton } from "./csv-button";
import styles from "../desk.module.css";

/** A dashboard panel: title, CSV export of its table, chart and/or table. */
export function Section(props: { id: string; title: string; csv?: { header: string[]; rows: unknown[][] }; children: ReactNode }) {
  return (
    <section className={`card stack ${styles.chartCard}`} data-testid={`panel-${props.id}`}>
      <div className={styles.itemHead}>
        <h2>{props.title}</h2>
        {props.csv && <CsvButton name={props.id} header={props.csv.header} rows={props.csv.rows} />}
      </div>
      {props.children}
    </section>
  );
}
