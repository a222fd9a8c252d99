import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { OfflineQueueList } from "@/components/offline/offline-queue-list";
import { OfflineQueueProvider } from "@/components/offline/offline-queue-provider";
import { ScannerProvider } from "@/components/scanner/scanner-provider";
import { requireStaffPage } from "@/lib/auth/current-staff";

/** Every staff page: signed in (checked on the server), header, the global scanner listener and the offline queue. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffPage();
  return (
    <OfflineQueueProvider user={{ id: staff.user.id, name: staff.user.name }}>
      <ScannerProvider role={staff.user.role}>
        <AppHeader staff={staff} />
        <main className="page">
          <OfflineQueueList />
          {children}
        </main>
      </ScannerProvider>
    </OfflineQueueProvider>
  );
}
