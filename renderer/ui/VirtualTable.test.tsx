// Drawn on the server (react-dom/server: the repo has no DOM test environment), with a known height so the
// virtualizer draws rows before any scroller is measured. The arrows and Enter in a browser: test/e2e/shell.spec.ts.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScreenHeader } from './ScreenHeader';
import { VirtualTable, type TableColumn, type VirtualTableProps } from './VirtualTable';

interface Person {
  id: string;
  name: string;
  spent: number;
}

const people: Person[] = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, spent: i * 100 }));
const byId = new Map(people.map((p) => [p.id, p]));
const columns: TableColumn<Person>[] = [
  { id: 'name', header: () => 'Name', cell: (p) => <b>{p.name}</b> },
  { id: 'spent', header: () => 'Spent', className: 'num', cell: (p) => String(p.spent), cellAttributes: (p) => ({ 'data-testid': 'spent', 'data-value': p.spent }) },
];

function draw(props: Partial<VirtualTableProps<Person>> = {}) {
  const html = renderToStaticMarkup(
    <VirtualTable<Person>
      count={people.length}
      keyAt={(i) => people[i]?.id}
      rowOf={(id) => byId.get(id)}
      columns={columns}
      rowHeight={40}
      initialHeight={400}
      rowLabel={(p) => p.name}
      testId="people"
      rowTestId="person"
      {...props}
    />,
  );
  const doc = new DOMParserLite(html);
  return { html, doc };
}

/** Enough of a parser for these checks: the opening tags with their attributes, in order. */
class DOMParserLite {
  readonly tags: { name: string; attrs: Record<string, string> }[] = [];
  constructor(readonly html: string) {
    for (const m of html.matchAll(/<([a-z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
      const attrs: Record<string, string> = {};
      for (const a of (m[2] ?? '').matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = a[2] ?? '';
      this.tags.push({ name: m[1]!, attrs });
    }
  }
  withRole(role: string) {
    return this.tags.filter((t) => t.attrs.role === role);
  }
  withTestId(id: string) {
    return this.tags.filter((t) => t.attrs['data-testid'] === id);
  }
}

describe('VirtualTable', () => {
  it('draws only the rows on screen and the overscan, named and numbered for assistive technology', () => {
    const { doc } = draw();
    const table = doc.withRole('table')[0]!;
    expect(table.attrs['aria-rowcount']).toBe('1001');
    const rows = doc.withTestId('person');
    // 400 px of 40 px rows is 10 rows, and 12 more below.
    expect(rows.map((r) => r.attrs['data-row-index'])).toEqual(Array.from({ length: 22 }, (_, i) => String(i)));
    expect(rows[0]!.attrs['aria-rowindex']).toBe('2');
    expect(rows[3]!.attrs['aria-label']).toBe('Person 3');
    expect(rows[3]!.attrs.style).toContain('translateY(120px)');
    expect(rows[3]!.attrs.style).toContain('height:40px');
    // The header row is the first row; its cells are column headers.
    expect(doc.withRole('columnheader')).toHaveLength(2);
    expect(doc.withRole('row')).toHaveLength(23);
  });

  it('draws each cell through its column, with its class and attributes', () => {
    const { html, doc } = draw();
    expect(html).toContain('<b>Person 5</b>');
    const spent = doc.withTestId('spent');
    expect(spent[5]!.attrs.class).toBe('table-cell col-spent num');
    expect(spent[5]!.attrs['data-value']).toBe('500');
    expect(doc.tags.filter((t) => t.attrs.class === 'table-cell col-name').map((t) => t.attrs.role)).toEqual(['columnheader', ...Array<string>(22).fill('cell')]);
  });

  it('draws a row whose record is still being read empty, and no row where the key is not read yet', () => {
    const { doc } = draw({ rowOf: (id) => (id === 'p2' ? undefined : byId.get(id)), keyAt: (i) => (i < 5 ? people[i]?.id : undefined) });
    const rows = doc.withTestId('person');
    expect(rows.map((r) => r.attrs['data-row-index'])).toEqual(['0', '1', '2', '3', '4']);
    expect(rows[2]!.attrs['aria-label']).toBeUndefined();
    expect(doc.withTestId('spent').map((c) => c.attrs['data-value'])).toEqual(['0', '100', '300', '400']);
  });

  it('shows the empty state instead of the table when there are no rows', () => {
    const { html, doc } = draw({ count: 0, empty: <p>Nobody yet</p>, emptyClassName: 'people-empty', emptyTestId: 'people-empty' });
    expect(doc.withRole('table')).toHaveLength(0);
    expect(doc.withTestId('people-empty')[0]!.attrs.class).toBe('empty-state people-empty');
    expect(html).toContain('<p>Nobody yet</p>');
  });

  it('without an empty state, an empty list is a table with its head alone', () => {
    const { doc } = draw({ count: 0 });
    expect(doc.withRole('table')[0]!.attrs['aria-rowcount']).toBe('1');
    expect(doc.withRole('columnheader')).toHaveLength(2);
    expect(doc.withTestId('person')).toHaveLength(0);
  });

  it('sortable headers are buttons, and the sorted column says which way', () => {
    const { doc, html } = draw({ sort: { column: 'spent', direction: 'desc', onSort: () => undefined } });
    expect(doc.withRole('columnheader').map((h) => h.attrs['aria-sort'])).toEqual(['none', 'descending']);
    expect(doc.withTestId('sort-name')[0]!.name).toBe('button');
    expect(html).toContain('▼');
    const plain = draw();
    expect(plain.doc.withRole('columnheader').map((h) => h.attrs['aria-sort'])).toEqual([undefined, undefined]);
    expect(plain.doc.withTestId('sort-name')).toHaveLength(0);
  });

  it('rows that open are tab stops and links; rows that do not leave the tab order to their controls', () => {
    const openable = draw({ onOpen: () => undefined }).doc.withTestId('person');
    expect(openable[0]!.attrs.tabindex).toBe('0');
    expect(openable[0]!.attrs.class).toBe('table-row table-body-row');
    const still = draw().doc.withTestId('person');
    expect(still[0]!.attrs.tabindex).toBe('-1');
    expect(still[0]!.attrs.class).toContain('table-row-static');
  });

  it('rows answering older input are dimmed and out of reach', () => {
    const body = (pending: boolean) => draw({ pending }).doc.withRole('rowgroup')[1]!.attrs;
    expect(body(true).class).toBe('table-body stale');
    expect(body(true).inert).toBe('');
    expect(body(false).class).toBe('table-body');
    expect(body(false).inert).toBeUndefined();
  });
});

describe('ScreenHeader', () => {
  const drawHeader = (node: React.ReactElement) => new DOMParserLite(renderToStaticMarkup(node));

  it('names the screen with its heading, the line under it, then filters, count and actions in order', () => {
    const html = renderToStaticMarkup(
      <ScreenHeader headingId="h" title="Customers" intro="Everyone" filters={<select data-testid="f" />} count={<span data-testid="c">3</span>} actions={<button data-testid="a" />} />,
    );
    const doc = new DOMParserLite(html);
    expect(doc.tags.find((t) => t.name === 'h1')?.attrs.id).toBe('h');
    expect(html).toContain('<p class="muted">Everyone</p>');
    const order = doc.tags.filter((t) => t.attrs['data-testid'] || t.attrs.class === 'list-filters').map((t) => t.attrs['data-testid'] ?? t.attrs.class);
    expect(order).toEqual(['list-filters', 'f', 'c', 'a']);
  });

  it('has no toolbar and no line when given none', () => {
    const doc = drawHeader(<ScreenHeader headingId="t" title="Trash" />);
    expect(doc.tags.map((t) => t.attrs.class ?? t.name)).toEqual(['screen-header', 'screen-header-title', 'h1']);
  });
});
