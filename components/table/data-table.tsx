import type { ComponentProps, Key, ReactNode } from "react";

/** One column of a {@link DataTable}: its heading and how a row fills its cell. */
export type Column<Row> = {
  header?: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Class of the cell (e.g. `muted`). */
  className?: string;
};

type RowAttributes = ComponentProps<"tr"> & { [data: `data-${string}`]: string | undefined };

/**
 * The staff pages' table: a head of column titles, one row per item. With `empty`, no rows show
 * that instead of an empty table (e.g. an {@link EmptyNote}).
 */
export function DataTable<Row>(props: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  rowProps?: (row: Row) => RowAttributes;
  testId?: string;
  /** Leave out the head row (a list whose cells say what they are). */
  headless?: boolean;
  empty?: ReactNode;
  /** Rows after the list (e.g. a total). */
  closingRows?: ReactNode;
}) {
  if (props.empty !== undefined && props.rows.length === 0) return <>{props.empty}</>;
  return (
    <table className="table" data-testid={props.testId}>
      {!props.headless && (
        <thead>
          <tr>
            {props.columns.map((column, i) => (
              <th key={i}>{column.header}</th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {props.rows.map((row) => (
          <tr key={props.rowKey(row)} {...props.rowProps?.(row)}>
            {props.columns.map((column, i) => (
              <td key={i} className={column.className}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
        {props.closingRows}
      </tbody>
    </table>
  );
}
