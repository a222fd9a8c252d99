import { is, Param, Placeholder } from "drizzle-orm";
import { compileRowMapper } from "./compiled-row-mapper";
import type { Queryable } from "./open-db";

/** What a Drizzle builder's `prepare` returns, as far as this module reads it (both drivers' prepared queries have these). */
type PreparedShape = {
  queryString: string;
  params: unknown[];
  fields?: unknown;
  customResultMapper?: unknown;
  joinsNotNullableMap?: unknown;
  isResponseInArrayMode(): boolean;
};
type Session = {
  prepareQuery(
    query: { sql: string; params: unknown[] },
    fields: unknown,
    name: string | undefined,
    isResponseInArrayMode: boolean,
    customResultMapper?: unknown,
  ): { joinsNotNullableMap?: unknown; execute(values: Record<string, unknown>): Promise<unknown> };
};
type Template = { query: { sql: string; params: unknown[] }; fields: unknown; arrayMode: boolean; customResultMapper: unknown; joinsNotNullableMap: unknown };

/** A builder that can be prepared (select, insert, update, delete, with or without `with`). */
type Preparable<Result> = { prepare(name: string): { execute(values?: Record<string, unknown>): Promise<Result> } };

const sessionOf = (q: Queryable) => (q as unknown as { session: Session }).session;

/**
 * A statement whose SQL Drizzle builds once, then runs with new values (`sql.placeholder(name)`)
 * on whatever database or transaction it is given, of either driver. Drizzle rebuilds a query's
 * SQL text on every call, which costs more CPU than the round trip of a short statement, and its own
 * prepared queries are bound to the connection they were built on, so they cannot run inside a
 * transaction. This keeps what `prepare` computed (the SQL text, its parameter slots with their
 * columns' encoders, the result fields) and hands it to the given session's `prepareQuery`, so
 * values are encoded and rows decoded exactly as Drizzle does for the same builder.
 *
 * `build` must depend on nothing but its argument: it runs once per driver, and every later call
 * reuses its SQL. Every varying value goes in a placeholder.
 */
export function reusableQuery<Result>(build: (q: Queryable) => Preparable<Result>) {
  // Per session class (PGlite and postgres.js sessions may both exist in one process, e.g. tests).
  const templates = new WeakMap<object, Template>();
  return async (q: Queryable, values: Record<string, unknown>): Promise<Result> => {
    const session = sessionOf(q);
    const kind = Object.getPrototypeOf(session) as object;
    let template = templates.get(kind);
    if (!template) {
      const prepared = build(q).prepare("reusable") as unknown as PreparedShape;
      template = {
        query: { sql: prepared.queryString, params: prepared.params.map(nullSafe) },
        fields: prepared.fields,
        arrayMode: prepared.isResponseInArrayMode(),
        // Rows decoded with the field decisions taken once (db/compiled-row-mapper.ts), as Drizzle decodes them.
        customResultMapper:
          prepared.customResultMapper ??
          (prepared.fields ? compileRowMapper(prepared.fields as Parameters<typeof compileRowMapper>[0], prepared.joinsNotNullableMap as Record<string, boolean> | undefined) : undefined),
        joinsNotNullableMap: prepared.joinsNotNullableMap,
      };
      templates.set(kind, template);
    }
    const query = session.prepareQuery(template.query, template.fields, "reusable", template.arrayMode, template.customResultMapper);
    query.joinsNotNullableMap = template.joinsNotNullableMap;
    return (await query.execute(values)) as Result;
  };
}

/**
 * A column's slot encodes its value as the column does, and a null as NULL: Drizzle checks for null
 * before encoding a value it builds in, but not one filled into a placeholder (a null timestamp
 * would fail, a null jsonb would become the JSON value `null`).
 */
function nullSafe(param: unknown): unknown {
  if (!is(param, Param) || !is(param.value, Placeholder)) return param;
  const encoder = param.encoder;
  if (!encoder) return param;
  return new Param(param.value, { mapToDriverValue: (value: unknown) => (value === null ? null : encoder.mapToDriverValue(value)) });
}
