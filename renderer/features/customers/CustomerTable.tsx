// A virtualized customer table: react-table for columns and sorting state, react-virtual for the rows.
// A row is drawn again only when its customer's record changed: a recomputation reruns the list's queries
// chunk after chunk, and redrawing every row on screen each time kept the main thread busy.
import { memo, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Customer, PhoneRegion } from '../../../shared/domain/customer';
import { primaryPhone } from '../../../shared/domain/customer';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import type { CustomerSortField, SortDirection } from '../../db/customers';
import { useCustomerPage, useCustomersByIds } from '../../db/hooks';
import { countText, currentLocale, formatDate } from '../../i18n';
import { formatMoney, type Currency } from '../../../shared/domain/money';
import { navigate } from '../../ui/routes';
import { firstRows } from '../../ui/firstRows';
import { useStableRecords } from '../../ui/stableRecords';
import { RiskBadge, StageBadge, TierBadge } from '../status/StatusBadges';
import { churnReasonText, type StatusWording } from '../status/statusText';
import { TagList } from './TagList';
import './customers.css';

const ROW_HEIGHT = 44;
/** Tags shown in a row (the column is narrow: one, ending in an ellipsis if long); the rest are counted in a "+N" chip. */
const LIST_TAGS = 1;
const column = createColumnHelper<string>();

/** Rows read per page while browsing the whole list; scrolling within a page does not re-query. */
const PAGE_ROWS = 100;

interface Props {
  /** The filtered list's ids, or null to browse the whole list page by page. */
  ids: string[] | null;
  count: number;
  sort: CustomerSortField;
  direction: SortDirection;
  onSort: (field: CustomerSortField) => void;
  region: PhoneRegion;
  currency: Currency;
  /** Words and names for the status columns, under the rules in force. */
  wording: StatusWording;
  /** The rows answer older text than the search box holds: shown dimmed, out of reach of click and keyboard. */
  pending?: boolean;
  /** The tag the list is filtered by: shown first in every row's tags, so each row shows why it is listed. */
  filterTag?: string | null;
}

type CellRenderers = Readonly<Record<string, (c: Customer) => ReactNode>>;

interface RowProps {
  id: string;
  index: number;
  start: number;
  customer: Customer | undefined;
  columnIds: readonly string[];
  cells: CellRenderers;
  moveFocus: (index: number) => void;
}

const CustomerRow = memo(function CustomerRow({ id, index, start, customer, columnIds, cells, moveFocus }: RowProps) {
  return (
    <div
      className="table-row table-body-row"
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      data-row-index={index}
      data-testid="customer-row"
      aria-label={customer?.name}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onClick={() => navigate({ name: 'customer', id })}
      onKeyDown={(e) => {
        if (e.key === 'Enter') navigate({ name: 'customer', id });
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          moveFocus(index + 1);
        }
        if (e.key === 'ArrowUp') {
          e.preventDefault();
          moveFocus(index - 1);
        }
      }}
    >
      {columnIds.map((column) => (
        <div className={`table-cell col-${column}`} role="cell" key={`${id}_${column}`}>
          {customer ? cells[column]?.(customer) : null}
        </div>
      ))}
    </div>
  );
});

export function CustomerTable({ ids, count, sort, direction, onSort, region, currency, wording, pending = false, filterTag = null }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const pageStart = Math.floor(firstIndex / PAGE_ROWS) * PAGE_ROWS;
  const pageEnd = (Math.floor(lastIndex / PAGE_ROWS) + 1) * PAGE_ROWS;
  const page = useStableRecords(useCustomerPage(ids ? null : { sort, direction, offset: pageStart, limit: pageEnd - pageStart }));
  const idAt = (index: number): string | undefined => (ids ? ids[index] : page?.[index - pageStart]?.id);
  const visibleKey = items.map((item) => idAt(item.index) ?? '').join(',');
  // react-table resets its state whenever `data` changes identity, so the array must only change with its contents.
  const visibleIds = useMemo(() => visibleKey.split(',').filter((id) => id !== ''), [visibleKey]);
  const fetched = useCustomersByIds(ids ? visibleIds : []);
  const fetchedRecords = useMemo(() => (fetched ? [...fetched.values()] : undefined), [fetched]);
  const stableFetched = useStableRecords(fetchedRecords);
  const records = ids ? stableFetched : page;
  const rows = useMemo(() => records && new Map(records.map((c) => [c.id, c])), [records]);
  useEffect(() => {
    if (rows !== undefined) firstRows.markShown();
  }, [rows]);

  // What each column shows of a customer; the rows draw it (see CustomerRow), react-table only lays out the columns.
  const cells = useMemo(
    (): CellRenderers => ({
      name: (c) => <span className="cell-name">{c.name}</span>,
      phone: (c) => {
        const p = primaryPhone(c);
        return p ? <span className="mono">{formatPhoneForDisplay(p, region)}</span> : <span className="muted">—</span>;
      },
      tier: (c) => <TierBadge tierId={c.tierId} wording={wording} />,
      stage: (c) => <StageBadge stage={c.lifecycleStage} />,
      // The reason is the badge's tooltip: the level alone says how worried to be, the reason says why.
      risk: (c) => <RiskBadge level={c.churnLevel} reason={churnReasonText(wording, c.churnReason)} />,
      tags: (c) => <TagList tags={c.tags} max={LIST_TAGS} first={filterTag} />,
      totalSpent: (c) => <span className="num">{formatMoney(c.totalSpentFen, currency, currentLocale())}</span>,
      purchaseCount: (c) => <span className="num">{countText(c.purchaseCount)}</span>,
      lastPurchase: (c) => (c.lastPurchaseAt ? formatDate(c.lastPurchaseAt) : <span className="muted">—</span>),
      updatedAt: (c) => formatDate(c.updatedAt),
    }),
    [region, currency, wording, filterTag],
  );

  const columns = useMemo(
    () => [
      column.accessor((id) => id, { id: 'name', header: () => t('customer.fields.name') }),
      column.accessor((id) => id, { id: 'phone', header: () => t('customer.fields.phone') }),
      column.accessor((id) => id, { id: 'tier', header: () => t('list.columns.tier') }),
      column.accessor((id) => id, { id: 'stage', header: () => t('list.columns.stage') }),
      column.accessor((id) => id, { id: 'risk', header: () => t('list.columns.risk') }),
      column.accessor((id) => id, { id: 'tags', header: () => t('customer.fields.tags') }),
      column.accessor((id) => id, { id: 'totalSpent', header: () => t('list.columns.totalSpent') }),
      column.accessor((id) => id, { id: 'purchaseCount', header: () => t('list.columns.purchaseCount') }),
      column.accessor((id) => id, { id: 'lastPurchase', header: () => t('list.columns.lastPurchase') }),
      column.accessor((id) => id, { id: 'updatedAt', header: () => t('customer.fields.updatedAt') }),
    ],
    [t],
  );

  // Only the rows on screen go through react-table: its row model stays small at 100,000 customers.
  const table = useReactTable({
    data: visibleIds,
    columns,
    getRowId: (id) => id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: { sorting: [{ id: sort, desc: direction === 'desc' }] },
  });

  const moveFocus = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(count - 1, index));
      virtualizer.scrollToIndex(target);
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row-index="${target}"]`)?.focus());
    },
    [count, virtualizer],
  );
  const visibleColumns = table.getVisibleLeafColumns().map((c) => c.id);
  const columnKey = visibleColumns.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the same columns in the same order are the same list
  const columnIds = useMemo(() => visibleColumns, [columnKey]);

  return (
    <div className="table customer-table" role="table" aria-rowcount={count + 1} data-testid="customer-table">
      <div className="table-head" role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div className="table-row table-header-row" role="row" key={group.id}>
            {group.headers.map((header) => {
              const field = header.column.id as CustomerSortField;
              const active = sort === field;
              return (
                <div
                  className={`table-cell col-${field}`}
                  role="columnheader"
                  key={header.id}
                  aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(field)} data-testid={`sort-${field}`}>
                    <span className="sort-label">{flexRender(header.column.columnDef.header, header.getContext())}</span>
                    <span className="sort-indicator" aria-hidden="true">
                      {active ? (direction === 'asc' ? '▲' : '▼') : ''}
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
            const id = idAt(item.index);
            if (id === undefined || !table.getRowModel().rowsById[id]) return null;
            return <CustomerRow key={id} id={id} index={item.index} start={item.start} customer={rows?.get(id)} columnIds={columnIds} cells={cells} moveFocus={moveFocus} />;
          })}
        </div>
      </div>
    </div>
  );
}
