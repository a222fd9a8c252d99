import type { ReactNode } from "react";

/** What a list says when it has nothing to show: a muted card (or plain muted text). */
export function EmptyNote(props: { children: ReactNode; plain?: boolean; testId?: string }) {
  return (
    <p className={props.plain ? "muted" : "card muted"} data-testid={props.testId}>
      {props.children}
    </p>
  );
}
