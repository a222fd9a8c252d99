import type { Role } from "@/db/schema/users";

/**
 * Every page and who may open it — one table for both the pages' own access check
 * (`requirePageAccess(href)` in lib/auth/current-staff.ts) and the home page's list (`nav`).
 * `roles`: the roles that may open it (admin passes every check), "any-staff" for any signed-in
 * staff member, "public" for pages anyone may read on purpose. Add your page here.
 */
export type PageEntry = {
  href: string;
  roles: readonly Role[] | "any-staff" | "public";
  /** Listed on the home page for these roles (default: `roles`). */
  nav?: { key: string; kind: "station" | "desk"; roles?: readonly Role[] };
};

export const pages = [
  { href: "/", roles: "any-staff" },
  { href: "/login", roles: "public" },
  { href: "/desk", roles: ["manager", "admin"], nav: { key: "desk", kind: "desk" } },
  { href: "/admin/api-clients", roles: ["admin"], nav: { key: "apiClients", kind: "desk" } },
  // Public like /api/v1/openapi.json (it holds no data); listed for the people who integrate.
  { href: "/api-docs", roles: "public", nav: { key: "apiDocs", kind: "desk", roles: ["manager", "admin"] } },
  { href: "/inspect", roles: ["inspector"], nav: { key: "inspect", kind: "station" } },
  { href: "/inspect/[inspectionId]", roles: ["inspector"] },
  { href: "/review", roles: ["inspector"], nav: { key: "review", kind: "station" } },
  { href: "/review/[inspectionId]", roles: ["inspector"] },
  { href: "/inspect/checklists", roles: ["manager"], nav: { key: "checklists", kind: "desk" } },
  { href: "/receive", roles: ["operator"], nav: { key: "receive", kind: "station" } },
  { href: "/receive/unmatched", roles: ["manager"], nav: { key: "unmatched", kind: "desk" } },
  { href: "/receive/unexpected", roles: ["manager"], nav: { key: "unexpected", kind: "desk" } },
  { href: "/desk/printers", roles: ["manager"], nav: { key: "printers", kind: "desk" } },
  { href: "/items", roles: ["manager"] },
  { href: "/desk/exceptions", roles: ["manager"], nav: { key: "exceptions", kind: "desk" } },
  { href: "/items/[key]", roles: ["manager"] },
  { href: "/search", roles: ["manager"] },
  { href: "/admin/staff", roles: ["manager"], nav: { key: "staff", kind: "desk" } },
  { href: "/admin/settings", roles: ["manager"], nav: { key: "centerSettings", kind: "desk" } },
  { href: "/admin/audit", roles: ["manager"], nav: { key: "adminLog", kind: "desk" } },
  { href: "/putaway", roles: ["operator"], nav: { key: "putaway", kind: "station" } },
  { href: "/storage/move", roles: ["operator"], nav: { key: "storageMove", kind: "station" } },
  { href: "/storage/count", roles: ["operator"], nav: { key: "storageCount", kind: "station" } },
  { href: "/bins/[code]", roles: ["operator", "inspector"] },
  { href: "/storage/bins", roles: ["manager"], nav: { key: "storageBins", kind: "desk" } },
  { href: "/storage/counts", roles: ["manager"], nav: { key: "storageCounts", kind: "desk" } },
  { href: "/storage/fees", roles: ["manager"], nav: { key: "storageFees", kind: "desk" } },
  { href: "/pick", roles: ["operator"], nav: { key: "pick", kind: "station" } },
  { href: "/pack", roles: ["operator"], nav: { key: "pack", kind: "station" } },
  { href: "/handover", roles: ["operator"], nav: { key: "handover", kind: "station" } },
  { href: "/quarantine", roles: ["operator"], nav: { key: "quarantine", kind: "station" } },
  { href: "/pick/exceptions", roles: ["manager"], nav: { key: "shortPicks", kind: "desk" } },
] as const satisfies readonly PageEntry[];

export type PageHref = (typeof pages)[number]["href"];

/** Station and desk pages a role may use, for the home page. */
export type NavEntry = { key: string; href: string; roles: readonly Role[]; kind: "station" | "desk" };

export const navEntries: readonly NavEntry[] = (pages as readonly PageEntry[]).flatMap((page) =>
  page.nav ? [{ key: page.nav.key, href: page.href, kind: page.nav.kind, roles: page.nav.roles ?? (Array.isArray(page.roles) ? page.roles : []) }] : [],
);

export function pageEntry(href: PageHref): PageEntry {
  return (pages as readonly PageEntry[]).find((p) => p.href === href)!;
}
