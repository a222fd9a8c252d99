import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DeskNav } from "@/components/desk/desk-nav";
import { RetryWebhookButton } from "@/components/desk/retry-webhook-button";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { listExceptions } from "@/lib/desk/exceptions";
import { DataTable } from "@/components/table/data-table";
import { EmptyNote } from "@/components/table/empty-note";

export const dynamic = "force-dynamic";

/** Everything that needs a manager, in one place, each with the screen that resolves it. */
export default async function ExceptionsPage() {
  const staff = await requirePageAccess("/desk/exceptions");
  const groups = await listExceptions(await getDb(), staff.center.id);
  const t = await getTranslations("desk.exceptions");
  const tq = await getTranslations("desk.dashboard");
  const format = await getFormatter();
  const total = groups.reduce((n, g) => n + g.total, 0);
  return (
    <div className="stack">
      <DeskNav current="exceptions" />
      <h1>{t("title", { total })}</h1>
      <nav className="row" aria-label={t("title", { total })}>
        {groups.map((g) => (
          <a key={g.kind} href={`#${g.kind}`} className="button" data-testid={`exceptions-count-${g.kind}`}>
            {t(`kinds.${g.kind}`)} <strong>&nbsp;{format.number(g.total)}</strong>
          </a>
        ))}
      </nav>
      {groups.map((g) => (
        <section key={g.kind} id={g.kind} className="card stack" data-testid={`exceptions-${g.kind}`}>
          <h2>
            {t(`kinds.${g.kind}`)} ({format.number(g.total)})
          </h2>
          {g.total > g.entries.length && (
            <p className="muted" data-testid="exceptions-more">
              {/* Overdue and held items list each queue's ten oldest, not the oldest overall. */}
              {t(g.kind === "overdueItems" || g.kind === "heldForBuyer" ? "moreOfQueues" : "more", { shown: g.entries.length, total: g.total })}
            </p>
          )}
          <DataTable
            headless
            rows={g.entries}
            empty={<EmptyNote plain>{t("none")}</EmptyNote>}
            rowKey={(e) => e.id}
            rowProps={(e) => ({ "data-testid": "exception-row", "data-subject": e.subject })}
            columns={[
              { cell: (e) => <code>{e.subject}</code> },
              {
                cell: (e) =>
                  t(`detail.${g.kind}`, {
                    ...e.detail,
                    ...(typeof e.detail.queue === "string" ? { queue: tq(`queue_${e.detail.queue}`) } : {}),
                  }),
              },
              { className: "muted", cell: (e) => (e.since ? format.dateTime(new Date(e.since), { dateStyle: "short", timeStyle: "short" }) : "") },
              {
                cell: (e) => (
                  <div className="row">
                    {g.kind === "failedWebhooks" ? <RetryWebhookButton clientId={e.id} /> : null}
                    <Link href={e.resolveHref} className="button" data-testid="resolve-link">
                      {t("resolve")}
                    </Link>
                  </div>
                ),
              },
            ]}
          />
        </section>
      ))}
    </div>
  );
}
