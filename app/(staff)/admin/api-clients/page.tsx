import { getFormatter, getTranslations } from "next-intl/server";
import { ApiClientForm } from "@/components/admin/api-client-form";
import { WebhookForm } from "@/components/admin/webhook-form";
import { ActionButton } from "@/components/station/action-button";
import { getDb } from "@/db/client";
import { listApiClients } from "@/lib/api/api-clients";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { DataTable } from "@/components/table/data-table";

export default async function ApiClientsPage() {
  const staff = await requirePageAccess("/admin/api-clients");
  const clients = await listApiClients(await getDb(), { centerId: staff.center.id });
  const t = await getTranslations("admin");
  const format = await getFormatter();
  return (
    <div className="stack">
      <div>
        <h1>{t("apiClients.title")}</h1>
        <p className="muted">{t("apiClients.intro", { center: staff.center.code })}</p>
      </div>
      <ApiClientForm />
      <DataTable
        testId="api-clients"
        rows={clients}
        rowKey={(client) => client.id}
        columns={[
          { header: t("apiClients.name"), cell: (client) => client.name },
          { header: t("apiClients.token"), cell: (client) => <code>{client.tokenPrefix}…</code> },
          {
            header: t("apiClients.webhook"),
            cell: (client) => (client.revokedAt ? (client.webhookUrl ?? "—") : <WebhookForm clientId={client.id} current={client.webhookUrl} />),
          },
          { header: t("apiClients.created"), cell: (client) => format.dateTime(client.createdAt, "dateTimeMedium") },
          {
            header: t("apiClients.status"),
            cell: (client) =>
              client.revokedAt ? (
                <span className="muted">{t("apiClients.revokedAt", { when: format.dateTime(client.revokedAt, "date") })}</span>
              ) : (
                <ActionButton
                  intent={`revoke:${client.id}`}
                  url={`/api/station/admin/api-clients/${client.id}/revoke`}
                  label={t("apiClients.revoke")}
                  confirm={t("apiClients.confirmRevoke", { name: client.name })}
                  danger
                />
              ),
          },
        ]}
      />
    </div>
  );
}
