import type { ReactNode } from "react";

/** A queue's title with its count badge (and what the queue adds, e.g. the overdue pill), then its hint. */
export function QueueHeading(props: { title: string; count: string; countTestId: string; hint: string; children?: ReactNode }) {
  return (
    <>
      <div className="row">
        <h1>{props.title}</h1>
        <span className="badge" data-testid={props.countTestId}>
          {props.count}
        </span>
        {props.children}
      </div>
      <p className="muted">{props.hint}</p>
    </>
  );
}
