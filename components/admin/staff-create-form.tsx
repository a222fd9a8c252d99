"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Role } from "@/db/schema/users";
import { useAdminCall } from "./use-admin-call";

const floor: Role[] = ["operator", "inspector", "senior_inspector"];

/** New staff member: floor staff get a badge and PIN (tablet sign-in), managers an e-mail and password. */
export function StaffCreateForm({ roles, centers, centerId }: { roles: Role[]; centers: { id: string; name: string }[]; centerId: string }) {
  const t = useTranslations("admin.staff");
  const tr = useTranslations("roles");
  const [role, setRole] = useState<Role>("operator");
  const { call, pending, error, done } = useAdminCall();
  const isFloor = floor.includes(role);
  return (
    <form
      className="card stack"
      data-testid="staff-create"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
        const body = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== ""));
        const answer = await call("/api/station/admin/staff", { body }, t("created", { name: data.name }));
        if (answer) form.reset();
      }}
    >
      <h2>{t("create")}</h2>
      <div className="row">
        <label className="field">
          <span>{t("name")}</span>
          <input name="name" required maxLength={100} />
        </label>
        <label className="field">
          <span>{t("role")}</span>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
        </label>
        {centers.length > 1 && (
          <label className="field">
            <span>{t("center")}</span>
            <select name="centerId" defaultValue={centerId}>
              {centers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{t("locale")}</span>
          <select name="locale" defaultValue="ko">
            <option value="ko">한국어</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <div className="row">
        {isFloor ? (
          <>
            <label className="field">
              <span>{t("badge")}</span>
              <input name="badgeCode" required placeholder="EMP-1234" pattern="[Ee][Mm][Pp]-\d{1,12}" />
            </label>
            <label className="field">
              <span>{t("pin")}</span>
              <input name="pin" required inputMode="numeric" pattern="\d{4,8}" autoComplete="new-password" />
            </label>
          </>
        ) : (
          <>
            <label className="field">
              <span>{t("email")}</span>
              <input name="email" type="email" required />
            </label>
            <label className="field">
              <span>{t("password")}</span>
              <input name="password" type="password" required minLength={10} autoComplete="new-password" />
            </label>
          </>
        )}
        <button type="submit" className="button button--primary" disabled={pending} style={{ alignSelf: "flex-end" }}>
          {t("createButton")}
        </button>
      </div>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="alert alert--ok" role="status">
          {done}
        </p>
      )}
    </form>
  );
}
