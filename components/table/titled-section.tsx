import type { ReactNode } from "react";

/** A part of a page under its own heading; the heading also names the section for screen readers when `labelled`. */
export function TitledSection(props: { title: string; labelled?: boolean; children: ReactNode }) {
  return (
    <section aria-label={props.labelled ? props.title : undefined}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}
