import { Column, getTableName, is, SQL } from "drizzle-orm";

/** A selected field as Drizzle's prepared query lists it: where it goes in the result and what decodes it. */
type SelectedField = { path: string[]; field: unknown };
type Decoder = { mapFromDriverValue(value: unknown): unknown };
type Row = Record<string, unknown>;

/**
 * Drizzle's row mapping (`mapResultRow` in drizzle-orm/utils) with its per-field decisions taken
 * once: each field's decoder, and the table a joined field belongs to. Drizzle asks them of every
 * field of every row, and its class checks walk prototypes when the schema and the driver were
 * loaded as different module copies (the bench's tsx process): 3% of a transition's client CPU.
 * The result is the same: nested objects by path, NULL as null, and a joined table whose every
 * field is null (an outer join that found nothing) as null unless `joinsNotNullableMap` says it
 * cannot be. tests/integration/reusable-query.test.ts compares it with Drizzle's own mapping.
 */
export function compileRowMapper(fields: SelectedField[], joinsNotNullableMap?: Record<string, boolean>) {
  const slots = fields.map(({ path, field }) => ({
    parents: path.slice(0, -1),
    key: path[path.length - 1],
    decoder: decoderOf(field),
    table: joinsNotNullableMap && is(field, Column) && path.length === 2 ? getTableName(field.table) : undefined,
  }));
  const mapRow = (row: unknown[]): Row => {
    const result: Row = {};
    let nullify: Record<string, string | false> | undefined;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      let node = result;
      for (const parent of slot.parents) node = (node[parent] ??= {}) as Row;
      const raw = row[i];
      const value = (node[slot.key] = raw === null ? null : slot.decoder.mapFromDriverValue(raw));
      if (slot.table !== undefined) {
        nullify ??= {};
        const objectName = slot.parents[0];
        if (!(objectName in nullify)) nullify[objectName] = value === null ? slot.table : false;
        else if (typeof nullify[objectName] === "string" && nullify[objectName] !== slot.table) nullify[objectName] = false;
      }
    }
    if (nullify) {
      for (const [objectName, tableName] of Object.entries(nullify)) {
        if (typeof tableName === "string" && !joinsNotNullableMap![tableName]) result[objectName] = null;
      }
    }
    return result;
  };
  return (rows: unknown[][]) => rows.map(mapRow);
}

function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field as unknown as Decoder;
  if (is(field, SQL)) return (field as unknown as { decoder: Decoder }).decoder;
  // A subquery's or an aliased expression's.
  const f = field as { _?: { sql: { decoder: Decoder } }; sql?: { decoder: Decoder } };
  return f._?.sql.decoder ?? f.sql!.decoder;
}
