// Checks on a view drawn with react-dom/server: every control has a name a screen reader reads, and no i18n key shows raw.
import { expect } from 'vitest';

/** Each input, select and textarea is named: by a <label for>, by wrapping in a <label>, or by aria-label / aria-labelledby. */
export function expectLabelledControls(html: string): void {
  const controls = [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)];
  expect(controls.length).toBeGreaterThan(0);
  for (const m of controls) {
    const attrs = m[2] ?? '';
    if (/\btype="hidden"/.test(attrs) || /aria-label(ledby)?="[^"]+"/.test(attrs)) continue;
    const id = /\bid="([^"]+)"/.exec(attrs)?.[1];
    if (id !== undefined && html.includes(`for="${id}"`)) continue;
    const before = html.slice(0, m.index);
    expect(before.lastIndexOf('<label'), `unlabelled ${m[0]}`).toBeGreaterThan(before.lastIndexOf('</label>'));
  }
}

/** No text or attribute holds an i18n key of `namespaces` (i18next shows a key it has no words for) or an unfilled {{placeholder}}. */
export function expectNoRawKeys(html: string, namespaces: readonly string[]): void {
  expect(html).not.toMatch(new RegExp(`(^|[^\\w/.-])(${namespaces.join('|')})\\.[a-zA-Z][\\w-]*(\\.[\\w-]+)*`));
  expect(html).not.toMatch(/\{\{|\}\}/);
}
