import { getTranslations } from "next-intl/server";
import { asc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { centers, roles as allRoles, type Role } from "@/db/schema";
import { StaffCreateForm } from "@/components/admin/staff-create-form";
import { StaffRowActions } from "@/components/admin/staff-row-actions";
import { DeskNav } from "@/components/desk/desk-nav";
import { isFloorRole, listStaff } from "@/lib/admin/staff";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { centerName } from "@/lib/i18n/center-name";
import { DataTable } from "@/components/table/data-table";

export const dynamic = "force-dynamic";

/** Staff of the center: create, change role, reset PIN or password, deactivate. */
export default async function StaffPage() {
  const staff = await requirePageAccess("/admin/staff");
  const db = await getDb();
  const isAdmin = staff.user.role === "admin";
  const manageable: Role[] = isAdmin ? [...allRoles] : allRoles.filter(isFloorRole);
  const [members, centerList] = await Promise.all([
    listStaff(db, staff.ctx),
    isAdmin ? db.select({ id: centers.id, code: centers.code, name: centers.name }).from(centers).orderBy(asc(centers.name)) : Promise.resolve([]),
  ]);
  const t = await getTranslations();
  return (
    <div className="stack">
      <DeskNav current="staff" />
      <h1>{t("admin.staff.title")}</h1>
      <StaffCreateForm roles={manageable} centers={centerList.map((c) => ({ id: c.id, name: centerName(t, c) }))} centerId={staff.center.id} />
      <DataTable
        testId="staff-list"
        rows={members}
        rowKey={(m) => m.id}
        rowProps={(m) => ({ "data-testid": "staff-row", "data-name": m.name })}
        columns={[
          { header: t("admin.staff.name"), cell: (m) => m.name },
          { header: t("admin.staff.center"), cell: (m) => centerName(t, { code: m.centerCode, name: m.centerName }) },
          { header: t("admin.staff.signIn"), cell: (m) => <code>{m.badgeCode ?? m.email ?? "—"}</code> },
          { header: t("admin.staff.status"), cell: (m) => (m.active ? t("admin.staff.active") : t("admin.staff.inactive")) },
          {
            header: t("admin.staff.actions"),
            cell: (m) => (
              <StaffRowActions
                member={{ id: m.id, name: m.name, role: m.role, active: m.active, floor: isFloorRole(m.role) }}
                roles={manageable}
                self={m.id === staff.user.id}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
