// Equality of plain stored data (what IndexedDB and JSON hold), cheaper than comparing JSON.stringify texts.

/**
 * Whether two plain values (null, booleans, numbers, strings, arrays, plain objects of them) are equal
 * as their JSON texts would be, without building the texts: a key whose value is undefined counts as
 * absent (JSON leaves it out) and key order does not matter (it means nothing to a stored record).
 * NaN equals NaN (both are JSON null), and so does 0 with -0.
 */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b && typeof a === 'number' && typeof b === 'number';
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlainData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (!samePlainData(x[k], y[k])) return false;
  for (const k in y) if (!(k in x) && y[k] !== undefined) return false;
  return true;
}
