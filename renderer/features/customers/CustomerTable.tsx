// A virtualized customer table: react-table for columns and sorting state, react-virtual for the rows.
import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper, flexRender, type CellContext, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Customer, PhoneRegion } from '../../../shared/domain/customer';
import { primaryPhone } from '../../../shared/domain/customer';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import type { CustomerSortField, SortDirection } from '../../db/customers';
import { useCustomerPage, useCustomersByIds } from '../../db/hooks';
import { countText, currentLocale, formatDate } from '../../i18n';
import { formatMoney, type Currency } from '../../../shared/domain/money';
import { navigate } from '../../ui/routes';
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

export function CustomerTable({ ids, count, sort, direction, onSort, region, currency, wording, pending = false, filterTag = null }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const pageStart = Math.floor(firstIndex / PAGE_ROWS) * PAGE_ROWS;
  const pageEnd = (Math.floor(lastIndex / PAGE_ROWS) + 1) * PAGE_ROWS;
  const page = useCustomerPage(ids ? null : { sort, direction, offset: pageStart, limit: pageEnd - pageStart });
  const idAt = (index: number): string | undefined => (ids ? ids[index] : page?.[index - pageStart]?.id);
  const visibleKey = items.map((item) => idAt(item.index) ?? '').join(',');
  // react-table resets its state whenever `data` changes identity, so the array must only change with its contents.
  const visibleIds = useMemo(() => visibleKey.split(',').filter((id) => id !== ''), [visibleKey]);
  const fetched = useCustomersByIds(ids ? visibleIds : []);
  const rows = useMemo(() => (ids ? fetched : page && new Map(page.map((c) => [c.id, c]))), [ids, fetched, page]);

  const columns = useMemo(() => {
    const cell = (render: (c: Customer) => ReactNode) => (info: CellContext<string, unknown>) => {
      const c = rows?.get(info.row.original);
      return c ? render(c) : null;
    };
    return [
      column.accessor((id) => id, {
        id: 'name',
        header: () => t('customer.fields.name'),
        cell: cell((c) => <span className="cell-name">{c.name}</span>),
      }),
      column.accessor((id) => id, {
        id: 'phone',
        header: () => t('customer.fields.phone'),
        cell: cell((c) => {
          const p = primaryPhone(c);
          return p ? <span className="mono">{formatPhoneForDisplay(p, region)}</span> : <span className="muted">—</span>;
        }),
      }),
      column.accessor((id) => id, {
        id: 'tier',
        header: () => t('list.columns.tier'),
        cell: cell((c) => <TierBadge tierId={c.tierId} wording={wording} />),
      }),
      column.accessor((id) => id, {
        id: 'stage',
        header: () => t('list.columns.stage'),
        cell: cell((c) => <StageBadge stage={c.lifecycleStage} />),
      }),
      column.accessor((id) => id, {
        id: 'risk',
        header: () => t('list.columns.risk'),
        // The reason is the badge's tooltip: the level alone says how worried to be, the reason says why.
        cell: cell((c) => <RiskBadge level={c.churnLevel} reason={churnReasonText(wording, c.churnReason)} />),
      }),
      column.accessor((id) => id, { id: 'tags', header: () => t('customer.fields.tags'), cell: cell((c) => <TagList tags={c.tags} max={LIST_TAGS} first={filterTag} />) }),
      column.accessor((id) => id, {
        id: 'totalSpent',
        header: () => t('list.columns.totalSpent'),
        cell: cell((c) => <span className="num">{formatMoney(c.totalSpentFen, currency, currentLocale())}</span>),
      }),
      column.accessor((id) => id, {
        id: 'purchaseCount',
        header: () => t('list.columns.purchaseCount'),
        cell: cell((c) => <span className="num">{countText(c.purchaseCount)}</span>),
      }),
      column.accessor((id) => id, {
        id: 'lastPurchase',
        header: () => t('list.columns.lastPurchase'),
        cell: cell((c) => (c.lastPurchaseAt ? formatDate(c.lastPurchaseAt) : <span className="muted">—</span>)),
      }),
      column.accessor((id) => id, { id: 'updatedAt', header: () => t('customer.fields.updatedAt'), cell: cell((c) => formatDate(c.updatedAt)) }),
    ];
  }, [rows, region, currency, t, wording, filterTag]);

  // Only the rows on screen go through react-table: its row model stays small at 100,000 customers.
  const table = useReactTable({
    data: visibleIds,
    columns,
    getRowId: (id) => id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: { sorting: [{ id: sort, desc: direction === 'desc' }] },
  });

  const moveFocus = (index: number) => {
    const target = Math.max(0, Math.min(count - 1, index));
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row-index="${target}"]`)?.focus());
  };

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
            const row = id === undefined ? undefined : table.getRowModel().rowsById[id];
            if (!row) return null;
            const customer = rows?.get(row.original);
            return (
              <div
                key={row.id}
                className="table-row table-body-row"
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={0}
                data-row-index={item.index}
                data-testid="customer-row"
                aria-label={customer?.name}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => navigate({ name: 'customer', id: row.original })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') navigate({ name: 'customer', id: row.original });
                  if (e.key === 'ArrowDown') {
                    e.preventDefault();
                    moveFocus(item.index + 1);
                  }
                  if (e.key === 'ArrowUp') {
                    e.preventDefault();
                    moveFocus(item.index - 1);
                  }
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div className={`table-cell col-${cell.column.id}`} role="cell" key={cell.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
