import Link from "next/link";
import type { ReactNode } from "react";

/** An inspection or second-look screen's heading: back to its queue, the item's title, then whatever the screen adds. */
export function ScreenHeading(props: { backHref: string; backLabel: string; title: string; children?: ReactNode }) {
  return (
    <div className="row">
      <Link href={props.backHref} className="button">
        ← {props.backLabel}
      </Link>
      <h1>{props.title}</h1>
      {props.children}
    </div>
  );
}
