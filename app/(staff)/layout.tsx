import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { ScannerProvider } from "@/components/scanner/scanner-provider";
import { requireStaffPage } from "@/lib/auth/current-staff";

/** Every staff page: signed in (checked on the server), header, and the global scanner listener. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffPage();
  return (
    <ScannerProvider role={staff.user.role}>
      <AppHeader staff={staff} />
      <main className="page">{children}</main>
    </ScannerProvider>
  );
}
