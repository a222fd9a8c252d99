import { getFormatter, getTranslations } from "next-intl/server";
import { ApiClientForm } from "@/components/admin/api-client-form";
import { WebhookForm } from "@/components/admin/webhook-form";
import { ActionButton } from "@/components/station/action-button";
import { getDb } from "@/db/client";
import { listApiClients } from "@/lib/api/api-clients";
import { requirePageAccess } from "@/lib/auth/current-staff";

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
      <table className="table" data-testid="api-clients">
        <thead>
          <tr>
            <th>{t("apiClients.name")}</th>
            <th>{t("apiClients.token")}</th>
            <th>{t("apiClients.webhook")}</th>
            <th>{t("apiClients.created")}</th>
            <th>{t("apiClients.status")}</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <tr key={client.id}>
              <td>{client.name}</td>
              <td>
                <code>{client.tokenPrefix}…</code>
              </td>
              <td>{client.revokedAt ? (client.webhookUrl ?? "—") : <WebhookForm clientId={client.id} current={client.webhookUrl} />}</td>
              <td>{format.dateTime(client.createdAt, "dateTimeMedium")}</td>
              <td>
                {client.revokedAt ? (
                  <span className="muted">{t("apiClients.revokedAt", { when: format.dateTime(client.revokedAt, "date") })}</span>
                ) : (
                  <ActionButton
                    intent={`revoke:${client.id}`}
                    url={`/api/station/admin/api-clients/${client.id}/revoke`}
                    label={t("apiClients.revoke")}
                    confirm={t("apiClients.confirmRevoke", { name: client.name })}
                    danger
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
