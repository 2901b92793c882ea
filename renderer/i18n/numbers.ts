// One way to write a count on screen ("1,114" in every language the app speaks), for the i18n strings and the
// few places that write a number outside them.

const formats = new Map<string, Intl.NumberFormat>();

/** A whole count in the language's digits and grouping: 1114 → "1,114". */
export function formatCount(value: number, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    formats.set(locale, format);
  }
  return format.format(value);
}

/** Placeholders that hold a number that is a name or a cell as typed, not an amount: never grouped (1990, row 1234, customer number 17850). */
export const IDENTIFIER_PLACEHOLDERS: ReadonlySet<string> = new Set(['year', 'row', 'column', 'version', 'schemaVersion', 'externalId', 'code', 'value']);

/**
 * i18next's formatter: every whole number put into a string is a count written with formatCount, unless its
 * placeholder names an identifier. Strings (already formatted, or names) pass as they are.
 */
export function formatPlaceholder(value: unknown, lng: string | undefined, key: string | undefined): unknown {
  if (typeof value !== 'number' || !Number.isInteger(value)) return value;
  if (key !== undefined && IDENTIFIER_PLACEHOLDERS.has(key)) return value;
  return formatCount(value, lng ?? 'en');
}
