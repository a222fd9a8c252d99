import type { Metadata } from "next";
import type { ReactNode } from "react";
import { publicPage } from "@/lib/auth/current-staff";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { describeOperations, type FieldRow, type OperationView } from "@/lib/api/openapi-view";
import styles from "./api-docs.module.css";

export const metadata: Metadata = { title: "Legit integration API" };

/** Renders `code` spans of the document's descriptions. */
function Text({ children }: { children: string }) {
  const parts = children.split("`");
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}

function Fields({ rows }: { rows: FieldRow[] }) {
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th>Field</th>
          <th>Type</th>
          <th>Required</th>
          <th>Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.path}>
            <td>
              <code>{row.path}</code>
            </td>
            <td className={styles.type}>{row.type}</td>
            <td>{row.required ? "yes" : "no"}</td>
            <td>
              <Text>{row.description}</Text>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Example({ title, value }: { title: string; value: unknown }) {
  return (
    <details className={styles.example} open>
      <summary>{title}</summary>
      {/* Scrollable, so it must take keyboard focus (WCAG 2.1.1, axe scrollable-region-focusable). */}
      <pre tabIndex={0}>{typeof value === "string" ? value : JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

function curlFor(op: OperationView): string {
  const path = op.path.replace("{externalId}", "MK-2024-000123").replace("{itemId}", "IT7K3M9Q2XW4P");
  const query = op.method === "GET" && op.path === "/events" ? "?limit=100" : "";
  const lines = [`curl -X ${op.method} "$LEGIT_URL/api/v1${path}${query}"`, `  -H "Authorization: Bearer $LEGIT_TOKEN"`];
  if (op.bodyExample !== undefined) {
    lines.push(`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(op.bodyExample)}'`);
  }
  return lines.join(" \\\n");
}

function Operation({ op }: { op: OperationView }) {
  return (
    <section className={styles.operation} id={op.id}>
      <h3 className={styles.opTitle}>
        <span className={`${styles.method} ${styles[`method${op.method}`] ?? ""}`}>{op.method}</span>
        <code>/api/v1{op.path}</code>
      </h3>
      <p className={styles.summary}>{op.summary}</p>
      {op.description && (
        <p>
          <Text>{op.description}</Text>
        </p>
      )}
      {op.params.length > 0 && (
        <>
          <h4>Parameters</h4>
          <Fields rows={op.params.map((p) => ({ path: `${p.name} (${p.in})`, type: p.type, required: p.required, description: p.description }))} />
        </>
      )}
      {op.bodyFields.length > 0 && (
        <>
          <h4>Request body{op.bodyRequired ? "" : " (optional)"}</h4>
          <Fields rows={op.bodyFields} />
        </>
      )}
      <Example title="Example request" value={curlFor(op)} />
      {op.successExample !== undefined && <Example title="Example answer" value={op.successExample} />}
      <h4>Answers</h4>
      <table className={styles.table}>
        <tbody>
          {op.responses.map((r) => (
            <tr key={r.status}>
              <td className={styles.status}>{r.status}</td>
              <td>
                <Text>{r.description}</Text>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className={styles.section} id={id}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

const verifySnippet = `import { createHmac, timingSafeEqual } from "node:crypto";

// rawBody: the request body exactly as received (a string), before JSON.parse.
function isFromLegit(rawBody, signatureHeader, secret) {
  const expected = "sha256=" + createHmac("sha256", secret).update(rawBody).digest("hex");
  return signatureHeader?.length === expected.length &&
    timingSafeEqual(Buffer.from(signatureHeader), Buffer.from(expected));
}`;

/** The integration API for people: generated from the same OpenAPI document the machines read. */
export default function ApiDocsPage() {
  publicPage("/api-docs");
  const doc = buildOpenApiDocument();
  const { calls, webhooks } = describeOperations(doc as Parameters<typeof describeOperations>[0]);
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1>{doc.info.title}</h1>
        <p>
          <Text>{doc.info.description ?? ""}</Text>
        </p>
        <p>
          Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {doc.openapi}). Base URL: <code>/api/v1</code>.
        </p>
      </header>

      <nav className={styles.toc} aria-label="Contents">
        <a href="#auth">Authentication</a>
        <a href="#errors">Errors</a>
        <a href="#retries">Retries</a>
        {calls.map((op) => (
          <a key={op.id} href={`#${op.id}`}>
            {op.method} {op.path}
          </a>
        ))}
        <a href="#webhooks">Webhooks</a>
      </nav>

      <Section title="Authentication" id="auth">
        <p>
          Every call but this page and the OpenAPI document needs <code>Authorization: Bearer &lt;token&gt;</code>. A token belongs to an API client
          that an admin makes in Legit, or on the server with <code>npm run legit -- api-client create --center SEL --name &quot;Marketplace&quot;</code>
          ; it is shown once. A client is scoped to centers: orders and items of other centers answer 404, as if they did not exist, and announcing to
          another center is 403. A revoked token answers 401 at once.
        </p>
        <p className={styles.note}>
          Trying the demo? Its API clients&apos; tokens are in the README (they exist only in the embedded demo database).
        </p>
      </Section>

      <Section title="Errors" id="errors">
        <p>
          Every error is <code>{'{"error": {"code": "…", "message": "…"}}'}</code>. <code>code</code> is stable (<code>kind</code> or{" "}
          <code>kind:detail</code>); <code>message</code> is for people.
        </p>
        <table className={styles.table}>
          <tbody>
            {[
              ["400", "bad_request:malformed_json", "The body is not JSON."],
              ["401", "unauthorized:*", "No token, an unknown one, or a revoked one."],
              ["403", "forbidden:center", "Your token is not scoped to that center."],
              ["404", "not_found:*", "No such order or item in your centers, or no such path."],
              ["409", "conflict:*", "The item or order is not in a state that allows this, or the externalId was used with another body."],
              ["413", "too_large:body", "The body is over 1 MiB."],
              ["422", "validation*", "The body or query does not match the schema; the message names every wrong field (items.0.price: …)."],
              ["500", "internal", "Our fault; retry later."],
            ].map(([status, code, meaning]) => (
              <tr key={status}>
                <td className={styles.status}>{status}</td>
                <td>
                  <code>{code}</code>
                </td>
                <td>{meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Retries" id="retries">
        <p>
          Every call may be retried after a timeout. Announcing the same body under the same <code>externalId</code> answers the first result; a
          cancel answers the same again; a sale, withdrawal or buyer decision repeated with the same body answers the item as it is now. Nothing is
          done twice.
        </p>
      </Section>

      <h2 className={styles.callsTitle}>Calls</h2>
      {calls.map((op) => (
        <Operation key={op.id} op={op} />
      ))}

      <Section title="Webhooks" id="webhooks">
        {webhooks.map((hook) => (
          <div key={hook.id}>
            <p>
              <Text>{hook.description}</Text>
            </p>
            <h4>Batch body</h4>
            <Fields rows={hook.bodyFields} />
            <Example title="Example batch" value={hook.bodyExample} />
          </div>
        ))}
        <Example title="Checking the signature (Node.js)" value={verifySnippet} />
      </Section>
    </main>
  );
}
