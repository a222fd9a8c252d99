"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Role } from "@/db/schema/users";
import { useAdminCall } from "./use-admin-call";

type Member = { id: string; name: string; role: Role; active: boolean; floor: boolean };

/** Change role, set a new PIN or password, deactivate or reactivate one staff member. */
export function StaffRowActions({ member, roles, self }: { member: Member; roles: Role[]; self: boolean }) {
  const t = useTranslations("admin.staff");
  const tr = useTranslations("roles");
  const [resetting, setResetting] = useState(false);
  const { call, pending, error, done } = useAdminCall();
  const url = `/api/station/admin/staff/${member.id}`;
  const canChange = roles.includes(member.role) && !self;
  return (
    <div className="stack" style={{ gap: "0.4rem" }}>
      <div className="row">
        <select
          aria-label={t("role")}
          value={member.role}
          disabled={!canChange || pending}
          onChange={(e) => void call(url, { method: "PATCH", body: { role: e.target.value } }, t("roleChanged"))}
        >
          {(roles.includes(member.role) ? roles : [member.role, ...roles]).map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={pending || !roles.includes(member.role)} onClick={() => setResetting((v) => !v)}>
          {member.floor ? t("resetPin") : t("resetPassword")}
        </button>
        {!self && roles.includes(member.role) && (
          <button
            type="button"
            className={member.active ? "button button--danger" : "button"}
            disabled={pending}
            onClick={() => void call(url, { method: "PATCH", body: { active: !member.active } }, member.active ? t("deactivated") : t("reactivated"))}
          >
            {member.active ? t("deactivate") : t("reactivate")}
          </button>
        )}
      </div>
      {resetting && (
        <form
          className="row"
          onSubmit={async (event) => {
            event.preventDefault();
            const value = String(new FormData(event.currentTarget).get("secret") ?? "");
            const ok = await call(`${url}/credential`, { body: member.floor ? { pin: value } : { password: value } }, t("resetDone"));
            if (ok) setResetting(false);
          }}
        >
          <input
            name="secret"
            type="password"
            aria-label={member.floor ? t("pin") : t("password")}
            required
            autoComplete="new-password"
            {...(member.floor ? { inputMode: "numeric" as const, pattern: "\\d{4,8}" } : { minLength: 10 })}
          />
          <button type="submit" className="button button--primary" disabled={pending}>
            {t("save")}
          </button>
        </form>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {done && <p className="muted" role="status">{done}</p>}
    </div>
  );
}
