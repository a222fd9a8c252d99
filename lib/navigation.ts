import type { Role } from "@/db/schema/users";

/** Station and desk pages, and who may open them; the home page shows the ones a role may use. */
export type NavEntry = { key: string; href: string; roles: readonly Role[]; kind: "station" | "desk" };

export const navEntries: readonly NavEntry[] = [
  { key: "desk", href: "/desk", roles: ["manager", "admin"], kind: "desk" },
  { key: "apiClients", href: "/admin/api-clients", roles: ["admin"], kind: "desk" },
  { key: "apiDocs", href: "/api-docs", roles: ["manager", "admin"], kind: "desk" },
  { key: "inspect", href: "/inspect", roles: ["inspector"], kind: "station" },
  { key: "review", href: "/review", roles: ["inspector"], kind: "station" },
  { key: "checklists", href: "/inspect/checklists", roles: ["manager"], kind: "desk" },
  { key: "receive", href: "/receive", roles: ["operator"], kind: "station" },
  { key: "unmatched", href: "/receive/unmatched", roles: ["manager"], kind: "desk" },
  { key: "unexpected", href: "/receive/unexpected", roles: ["manager"], kind: "desk" },
  { key: "printers", href: "/desk/printers", roles: ["manager"], kind: "desk" },
  { key: "staff", href: "/admin/staff", roles: ["manager"], kind: "desk" },
  { key: "centerSettings", href: "/admin/settings", roles: ["manager"], kind: "desk" },
  { key: "adminLog", href: "/admin/audit", roles: ["manager"], kind: "desk" },
];
