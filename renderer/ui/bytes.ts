// A size on disk in the screen's number format ("1.8 MB", "278 KB").
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1,234,567 bytes → "1.2 MB", in the locale's digits; binary multiples, as file managers show them. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${UNITS[unit]}`;
}
