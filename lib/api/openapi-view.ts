/**
 * Turns the generated OpenAPI document into what the human API page shows: one entry per call with
 * its parameters, body fields, an example body and its answers. Pure functions over plain JSON.
 */

type Json = Record<string, unknown>;
export type JsonSchema = Json & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
  example?: unknown;
  default?: unknown;
  additionalProperties?: unknown;
};

export type FieldRow = { path: string; type: string; required: boolean; description: string };
export type ParamRow = { name: string; in: string; type: string; required: boolean; description: string };
export type ResponseRow = { status: string; description: string; schemaName: string | null };
export type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  authenticated: boolean;
  params: ParamRow[];
  bodyFields: FieldRow[];
  bodyExample: unknown;
  bodyRequired: boolean;
  responses: ResponseRow[];
  successExample: unknown;
};

type Doc = { paths?: Record<string, Record<string, Json>>; webhooks?: Record<string, Record<string, Json>>; components?: { schemas?: Record<string, JsonSchema> } };

export function resolve(doc: Doc, schema: JsonSchema | undefined): JsonSchema {
  let current = schema ?? {};
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    current = doc.components?.schemas?.[current.$ref.replace("#/components/schemas/", "")] ?? {};
  }
  return current;
}

/** The non-null branch of a `T | null` union, and whether null was allowed. */
function unwrapNullable(doc: Doc, schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const s = resolve(doc, schema);
  // zod-to-openapi writes a nullable registered schema as allOf [$ref, {type: [object, null]}].
  if (s.allOf && s.allOf.length === 2 && s.allOf[0].$ref && Array.isArray(s.allOf[1].type) && s.allOf[1].type.includes("null")) {
    return { schema: { ...resolve(doc, s.allOf[0]), ...(s.description ? { description: s.description } : {}) }, nullable: true };
  }
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    const others = branches.filter((b) => resolve(doc, b).type !== "null");
    if (others.length === 1 && others.length < branches.length) return { schema: { ...resolve(doc, others[0]), description: s.description ?? resolve(doc, others[0]).description }, nullable: true };
  }
  if (Array.isArray(s.type) && s.type.includes("null")) {
    const rest = s.type.filter((t) => t !== "null");
    return { schema: { ...s, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  return { schema: s, nullable: false };
}

export function typeLabel(doc: Doc, schema: JsonSchema): string {
  const { schema: s, nullable } = unwrapNullable(doc, schema);
  let label: string;
  if (s.enum) label = s.enum.map((v) => JSON.stringify(v)).join(" | ");
  else if (s.type === "array") label = `${typeLabel(doc, s.items ?? {})}[]`;
  else if (s.type === "integer") label = "integer";
  else if (s.type === "object" || s.properties) label = "object";
  else if (s.format) label = `${String(s.type ?? "string")} (${String(s.format)})`;
  else label = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return nullable ? `${label} | null` : label;
}

/** Every field of an object schema, nested ones with dotted paths (`items[].price`). */
export function flattenFields(doc: Doc, schema: JsonSchema | undefined, prefix = "", depth = 0): FieldRow[] {
  const s = unwrapNullable(doc, schema ?? {}).schema;
  if (!s.properties || depth > 4) return [];
  const rows: FieldRow[] = [];
  for (const [name, raw] of Object.entries(s.properties)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const { schema: field } = unwrapNullable(doc, raw);
    rows.push({ path, type: typeLabel(doc, raw), required: (s.required ?? []).includes(name), description: String(resolve(doc, raw).description ?? field.description ?? "") });
    if (field.type === "array" && field.items) rows.push(...flattenFields(doc, field.items, `${path}[]`, depth + 1));
    else if (field.properties) rows.push(...flattenFields(doc, field, path, depth + 1));
  }
  return rows;
}

/** An example value built from the schema's own examples (or a plausible placeholder). */
export function exampleOf(doc: Doc, schema: JsonSchema | undefined, depth = 0): unknown {
  const raw = resolve(doc, schema);
  if (raw.example !== undefined) return raw.example;
  const { schema: s } = unwrapNullable(doc, raw);
  if (s.example !== undefined) return s.example;
  if (depth > 6) return null;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  if (s.properties) {
    return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, exampleOf(doc, v, depth + 1)]));
  }
  switch (Array.isArray(s.type) ? s.type[0] : s.type) {
    case "array":
      return [exampleOf(doc, s.items, depth + 1)];
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "string":
      if (s.format === "uuid") return "3f6c2d1e-8a4b-4c7d-9e0f-1a2b3c4d5e6f";
      if (s.format === "date-time") return "2025-03-14T09:26:53.000Z";
      return "…";
    default:
      return null;
  }
}

const jsonSchemaOf = (content: unknown): JsonSchema | undefined =>
  (content as { "application/json"?: { schema?: JsonSchema } } | undefined)?.["application/json"]?.schema;
const mediaExampleOf = (content: unknown): unknown => (content as { "application/json"?: { example?: unknown } } | undefined)?.["application/json"]?.example;

function operationView(doc: Doc, method: string, path: string, op: Json): OperationView {
  const params = ((op.parameters as Json[] | undefined) ?? []).map((p) => ({
    name: String(p.name),
    in: String(p.in),
    type: typeLabel(doc, (p.schema as JsonSchema) ?? {}),
    required: Boolean(p.required),
    description: String(p.description ?? (p.schema as JsonSchema | undefined)?.description ?? ""),
  }));
  const requestBody = op.requestBody as { required?: boolean; content?: unknown } | undefined;
  const bodySchema = jsonSchemaOf(requestBody?.content);
  const responses = Object.entries((op.responses as Record<string, { description?: string; content?: unknown }>) ?? {}).map(([status, r]) => {
    const ref = jsonSchemaOf(r.content)?.$ref;
    return { status, description: r.description ?? "", schemaName: ref ? ref.replace("#/components/schemas/", "") : null };
  });
  const success = Object.entries((op.responses as Record<string, { content?: unknown }>) ?? {}).find(([status]) => status.startsWith("2"));
  return {
    id: String(op.operationId ?? `${method}-${path}`),
    method: method.toUpperCase(),
    path,
    summary: String(op.summary ?? ""),
    description: String(op.description ?? ""),
    authenticated: Array.isArray(op.security) && op.security.length > 0,
    params,
    bodyFields: flattenFields(doc, bodySchema),
    bodyExample: bodySchema ? exampleOf(doc, bodySchema) : undefined,
    bodyRequired: Boolean(requestBody?.required),
    responses: responses.sort((a, b) => a.status.localeCompare(b.status)),
    successExample: !success ? undefined : (mediaExampleOf(success[1].content) ?? (jsonSchemaOf(success[1].content) ? exampleOf(doc, jsonSchemaOf(success[1].content)) : undefined)),
  };
}

/** Every call of the document, in the order they were registered, then the webhooks. */
export function describeOperations(doc: Doc): { calls: OperationView[]; webhooks: OperationView[] } {
  const calls = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => operationView(doc, method, path, op)),
  );
  const webhooks = Object.entries(doc.webhooks ?? {}).flatMap(([name, methods]) =>
    Object.entries(methods).map(([method, op]) => operationView(doc, method, name, op)),
  );
  return { calls, webhooks };
}
