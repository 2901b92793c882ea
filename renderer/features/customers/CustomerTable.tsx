// The customer list's table: its columns, and the rows it reads (a page of the whole list at a time, or the
// records of the narrowed list's rows on screen); VirtualTable (renderer/ui) draws it.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, PhoneRegion } from '../../../shared/domain/customer';
import type { CustomerSortField, ListFilter, SortDirection } from '../../db/customers';
import { LIST_PAGE_ROWS, useCustomerPage, useCustomersByIds } from '../../db/hooks';
import { countText, currentLocale, formatDate } from '../../i18n';
import { formatMoney, type Currency } from '../../../shared/domain/money';
import { navigate } from '../../ui/routes';
import { firstRows } from '../../ui/firstRows';
import { useStableRecords } from '../../ui/stableRecords';
import { VirtualTable, type TableColumn, type VisibleRange } from '../../ui/VirtualTable';
import { RiskBadge } from '../status/StatusBadges';
import { churnReasonText, type StatusWording } from '../status/statusText';
import { customerCells } from './customerCells';
import { TagList } from './TagList';
import './customers.css';

const ROW_HEIGHT = 44;
/** Tags shown in a row (the column is narrow: one, ending in an ellipsis if long); the rest are counted in a "+N" chip. */
const LIST_TAGS = 1;

/** Rows read per page while paging; scrolling within a page does not re-query. */
const PAGE_ROWS = LIST_PAGE_ROWS;

interface Props {
  /** The filtered list's ids, or null to page through the whole list (or `pageFilter`'s matches). */
  ids: string[] | null;
  /** With `ids` null: the filters of a large narrowed list, whose matches are paged as the whole list is. */
  pageFilter?: ListFilter | null;
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
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
}

const openCustomer = (id: string) => navigate({ name: 'customer', id });
const customerName = (c: Customer) => c.name;

export function CustomerTable({ ids, pageFilter = null, count, sort, direction, onSort, region, currency, wording, pending = false, filterTag = null, empty }: Props) {
  const { t } = useTranslation();
  const [range, setRange] = useState<VisibleRange>({ first: 0, last: 0 });
  // The same rows again (the first report, before the scroller is measured) render nothing again.
  const onVisibleRangeChange = useCallback((next: VisibleRange) => setRange((was) => (was.first === next.first && was.last === next.last ? was : next)), []);
  const pageStart = Math.floor(range.first / PAGE_ROWS) * PAGE_ROWS;
  const pageEnd = (Math.floor(range.last / PAGE_ROWS) + 1) * PAGE_ROWS;
  const page = useStableRecords(useCustomerPage(ids ? null : { sort, direction, offset: pageStart, limit: pageEnd - pageStart, filter: pageFilter }));
  const visibleKey = ids ? ids.slice(range.first, range.last + 1).join(',') : '';
  const visibleIds = useMemo(() => visibleKey.split(',').filter((id) => id !== ''), [visibleKey]);
  const fetched = useCustomersByIds(visibleIds);
  const fetchedRecords = useMemo(() => (fetched ? [...fetched.values()] : undefined), [fetched]);
  const stableFetched = useStableRecords(fetchedRecords);
  const records = ids ? stableFetched : page;
  const rows = useMemo(() => records && new Map(records.map((c) => [c.id, c])), [records]);
  useEffect(() => {
    if (rows !== undefined) firstRows.markShown();
  }, [rows]);

  const columns = useMemo((): TableColumn<Customer>[] => {
    const cells = customerCells(region, wording);
    return [
      { id: 'name', header: () => t('customer.fields.name'), cell: cells.name },
      { id: 'phone', header: () => t('customer.fields.phone'), cell: cells.phone },
      { id: 'tier', header: () => t('list.columns.tier'), cell: cells.tier },
      { id: 'stage', header: () => t('list.columns.stage'), cell: cells.stage },
      // The reason is the badge's tooltip: the level alone says how worried to be, the reason says why.
      { id: 'risk', header: () => t('list.columns.risk'), cell: (c) => <RiskBadge level={c.churnLevel} reason={churnReasonText(wording, c.churnReason)} /> },
      { id: 'tags', header: () => t('customer.fields.tags'), cell: (c) => <TagList tags={c.tags} max={LIST_TAGS} first={filterTag} /> },
      { id: 'totalSpent', header: () => t('list.columns.totalSpent'), cell: (c) => <span className="num">{formatMoney(c.totalSpentFen, currency, currentLocale())}</span> },
      { id: 'purchaseCount', header: () => t('list.columns.purchaseCount'), cell: (c) => <span className="num">{countText(c.purchaseCount)}</span> },
      { id: 'lastPurchase', header: () => t('list.columns.lastPurchase'), cell: cells.lastPurchase },
      { id: 'points', header: () => t('points.customer.listColumn'), cell: (c) => <span className={c.pointsBalance < 0 ? 'num is-negative' : 'num'}>{countText(c.pointsBalance)}</span> },
      { id: 'updatedAt', header: () => t('customer.fields.updatedAt'), cell: (c) => formatDate(c.updatedAt) },
    ];
  },
    [t, region, currency, wording, filterTag],
  );
  const sorting = useMemo(() => ({ column: sort, direction, onSort: (column: string) => onSort(column as CustomerSortField) }), [sort, direction, onSort]);

  return (
    <VirtualTable
      count={count}
      keyAt={(index) => (ids ? ids[index] : page?.[index - pageStart]?.id)}
      rowOf={(id) => rows?.get(id)}
      columns={columns}
      rowHeight={ROW_HEIGHT}
      onVisibleRangeChange={onVisibleRangeChange}
      onOpen={openCustomer}
      rowLabel={customerName}
      sort={sorting}
      pending={pending}
      empty={empty}
      className="customer-table"
      testId="customer-table"
      rowTestId="customer-row"
    />
  );
}
