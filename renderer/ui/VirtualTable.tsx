// The list screens' table: react-table lays out the caller's columns, react-virtual draws only the rows on
// screen (so 100,000 rows cost what a screenful does), with a sticky header, arrow-key navigation between
// rows, Enter or a click to open one, a dimmed state while the rows answer older input, and an empty state.
// A row is drawn again only when its record changed (or it moved): a recomputation reruns the lists'
// queries chunk after chunk, and redrawing every row on screen each time kept the main thread busy.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { assertNever } from '../../shared/result';
import { rowKeyStep } from './tableKeys';

/** Attributes a cell may carry besides its class and role: a tooltip, a test id, a data value. */
export type CellAttributes = { title?: string } & { [attribute: `data-${string}`]: string | number | undefined };

export interface TableColumn<Row> {
  /** Also the cell's class (`col-<id>`), which the screen's stylesheet sizes. */
  id: string;
  header: () => ReactNode;
  cell: (row: Row) => ReactNode;
  /** Extra classes of the column's cells (e.g. `num`). */
  className?: string;
  cellAttributes?: (row: Row) => CellAttributes;
}

export interface TableSort {
  column: string;
  direction: 'asc' | 'desc';
  /** A header clicked: the caller decides what the new order is. */
  onSort: (column: string) => void;
}

/** The rows on screen (overscan included), first and last index, so the caller reads only those. */
export interface VisibleRange {
  first: number;
  last: number;
}

export interface VirtualTableProps<Row> {
  /** How many rows the list has (the scrollbar's length); rows not read yet are drawn when read. */
  count: number;
  /** The key (a customer's id) of the row at an index, undefined while that part of the list is not read. */
  keyAt: (index: number) => string | undefined;
  /** The record of a key, undefined while it is being read (its row is drawn empty). */
  rowOf: (key: string) => Row | undefined;
  /** Keep their identity between renders (useMemo): a new array draws every row again. */
  columns: readonly TableColumn<Row>[];
  rowHeight: number;
  /** Told whenever the rows on screen change: a screen that pages reads the page they fall in. */
  onVisibleRangeChange?: (range: VisibleRange) => void;
  /** Enter or a click on a row; without it rows are not links (their cells may hold buttons). */
  onOpen?: (key: string) => void;
  /** A row's accessible name (a customer's name). */
  rowLabel?: (row: Row) => string | undefined;
  /** Sortable headers (buttons); without it headers are plain text. */
  sort?: TableSort;
  /** The rows answer older input than the screen holds: dimmed, out of reach of click and keyboard. */
  pending?: boolean;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** Extra classes of the empty state. */
  emptyClassName?: string;
  emptyTestId?: string;
  /** Extra classes of the table (the screen's column widths hang on it). */
  className?: string;
  label?: string;
  testId?: string;
  rowTestId?: string;
  /** The height drawn before the scroller is measured (a server render draws this much). */
  initialHeight?: number;
}

const OVERSCAN = 12;
const column = createColumnHelper<string>();

interface RowProps<Row> {
  rowKey: string;
  index: number;
  start: number;
  height: number;
  row: Row | undefined;
  columns: readonly TableColumn<Row>[];
  label: string | undefined;
  testId: string | undefined;
  openable: boolean;
  open: (key: string) => void;
  onKey: (event: KeyboardEvent<HTMLDivElement>, key: string, index: number) => void;
}

function TableRowView<Row>({ rowKey, index, start, height, row, columns, label, testId, openable, open, onKey }: RowProps<Row>) {
  return (
    <div
      className={openable ? 'table-row table-body-row' : 'table-row table-body-row table-row-static'}
      role="row"
      aria-rowindex={index + 2}
      // A row that opens is a tab stop; one that does not leaves the tab order to its controls, and the
      // arrows reach it from them.
      tabIndex={openable ? 0 : -1}
      data-row-index={index}
      data-testid={testId}
      aria-label={label}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height, transform: `translateY(${start}px)` }}
      onClick={openable ? () => open(rowKey) : undefined}
      onKeyDown={(e) => onKey(e, rowKey, index)}
    >
      {columns.map((c) => (
        <div className={c.className ? `table-cell col-${c.id} ${c.className}` : `table-cell col-${c.id}`} role="cell" key={c.id} {...(row && c.cellAttributes?.(row))}>
          {row ? c.cell(row) : null}
        </div>
      ))}
    </div>
  );
}

// memo() loses the type parameter; the cast gives it back.
const TableRow = memo(TableRowView) as typeof TableRowView;

export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  if (props.count === 0 && props.empty !== undefined) {
    return (
      <div className={props.emptyClassName ? `empty-state ${props.emptyClassName}` : 'empty-state'} data-testid={props.emptyTestId}>
        {props.empty}
      </div>
    );
  }
  return <RowsTable {...props} />;
}

function RowsTable<Row>({
  count,
  keyAt,
  rowOf,
  columns,
  rowHeight,
  onVisibleRangeChange,
  onOpen,
  rowLabel,
  sort,
  pending = false,
  className,
  label,
  testId,
  rowTestId,
  initialHeight = 0,
}: VirtualTableProps<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: initialHeight },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => onVisibleRangeChange?.({ first, last }), [first, last, onVisibleRangeChange]);

  const visibleKey = items.map((item) => keyAt(item.index) ?? '').join(',');
  // react-table resets its state whenever `data` changes identity, so the array must only change with its contents.
  const visibleKeys = useMemo(() => visibleKey.split(',').filter((key) => key !== ''), [visibleKey]);
  const tableColumns = useMemo(() => columns.map((c) => column.display({ id: c.id, header: c.header })), [columns]);
  // Only the rows on screen go through react-table: its row model stays small at 100,000 rows.
  const table = useReactTable({
    data: visibleKeys,
    columns: tableColumns,
    getRowId: (key) => key,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: { sorting: sort ? [{ id: sort.column, desc: sort.direction === 'desc' }] : [] },
  });
  const shown = table.getRowModel().rowsById;

  // The rows are memoized: what they call must keep its identity while the caller's callbacks change.
  const openRef = useRef(onOpen);
  const keyAtRef = useRef(keyAt);
  useLayoutEffect(() => {
    openRef.current = onOpen;
    keyAtRef.current = keyAt;
  });
  const open = useCallback((key: string) => openRef.current?.(key), []);
  // The row the focus is on its way to: a key pressed before it arrives (a held arrow, a busy frame) steps
  // on from there, not from the row it left, so no press is lost.
  const aim = useRef<number | null>(null);
  const focusRow = useCallback(
    (index: number) => {
      aim.current = index;
      virtualizer.scrollToIndex(index);
      // The row is drawn once the scroll is seen; a row far off takes a frame or two.
      const attempt = (left: number) =>
        requestAnimationFrame(() => {
          if (aim.current !== index) return;
          const row = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`);
          if (row) {
            row.focus();
            aim.current = null;
          } else if (left > 0) attempt(left - 1);
          else aim.current = null;
        });
      attempt(10);
    },
    [virtualizer],
  );
  const onKey = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, key: string, index: number) => {
      // Enter on a button inside the row is the button's; arrows move between rows from anywhere in one.
      const step = rowKeyStep(event.key, aim.current ?? index, count, openRef.current !== undefined && event.target === event.currentTarget);
      switch (step.kind) {
        case 'none':
          return;
        case 'open': {
          // Enter pressed while the focus is still on its way opens the row it is going to.
          const target = aim.current === null ? key : keyAtRef.current(aim.current);
          if (target !== undefined) open(target);
          return;
        }
        case 'focus':
          event.preventDefault();
          focusRow(step.index);
          return;
        default:
          assertNever(step, 'row key step');
      }
    },
    [count, focusRow, open],
  );

  return (
    <div className={className ? `table ${className}` : 'table'} role="table" aria-label={label} aria-rowcount={count + 1} data-testid={testId}>
      <div className="table-head" role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div className="table-row table-header-row" role="row" key={group.id}>
            {group.headers.map((header) => {
              const id = header.column.id;
              const content = flexRender(header.column.columnDef.header, header.getContext());
              if (!sort) {
                return (
                  <div className={`table-cell col-${id}`} role="columnheader" key={header.id}>
                    {content}
                  </div>
                );
              }
              const active = sort.column === id;
              return (
                <div className={`table-cell col-${id}`} role="columnheader" key={header.id} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort-button" onClick={() => sort.onSort(id)} data-testid={`sort-${id}`}>
                    <span className="sort-label">{content}</span>
                    <span className="sort-indicator" aria-hidden="true">
                      {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className={pending ? 'table-body stale' : 'table-body'} ref={scroller} role="rowgroup" inert={pending}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const key = keyAt(item.index);
            if (key === undefined || !shown[key]) return null;
            const row = rowOf(key);
            return (
              <TableRow
                key={key}
                rowKey={key}
                index={item.index}
                start={item.start}
                height={rowHeight}
                row={row}
                columns={columns}
                label={row && rowLabel ? rowLabel(row) : undefined}
                testId={rowTestId}
                openable={onOpen !== undefined}
                open={open}
                onKey={onKey}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
