import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DeskNav } from "@/components/desk/desk-nav";
import { listAdminEvents } from "@/lib/admin/admin-events";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { DataTable } from "@/components/table/data-table";

export const dynamic = "force-dynamic";

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** Every administrative change of the center: who, when, what, before and after. */
export default async function AdminLogPage() {
  const staff = await requirePageAccess("/admin/audit");
  const events = await listAdminEvents(await getDb(), staff.center.id, { limit: 200 });
  const t = await getTranslations("admin.audit");
  const format = await getFormatter();
  return (
    <div className="stack">
      <DeskNav current="audit" />
      <h1>{t("title")}</h1>
      <DataTable
        testId="admin-log"
        rows={events}
        rowKey={(e) => e.id}
        rowProps={(e) => ({ "data-testid": "admin-log-row", "data-action": e.action })}
        columns={[
          { header: t("when"), cell: (e) => format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" }) },
          { header: t("who"), cell: (e) => e.actorName ?? "—" },
          { header: t("what"), cell: (e) => (t.has(`actions.${e.action}`) ? t(`actions.${e.action}`) : e.action) },
          {
            header: t("details"),
            cell: (e) => (
              <ul className="muted" style={{ margin: 0, paddingLeft: "1rem" }}>
                {Object.entries(e.details).map(([k, v]) => (
                  <li key={k}>
                    {k}:{" "}
                    {v && typeof v === "object" && "from" in v && "to" in v ? `${show(v.from)} → ${show(v.to)}` : k === "changed" && v && typeof v === "object"
                      ? Object.entries(v).map(([f, c]) => `${f}: ${show((c as { from: unknown }).from)} → ${show((c as { to: unknown }).to)}`).join("; ")
                      : show(v)}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </div>
  );
}
