// Database version 19: saved segments (issue 18).
import { SCHEMA_V18 } from './v18';

/**
 * Version 19 tables, written out in full by extension: this file is what shipped, whatever later versions do.
 * - `savedSegments`: the owner's segments kept by name (shared/domain/campaigns/savedSegment.ts), by name for the
 *   picker; a handful of narrow rows, no personal data.
 */
export const SCHEMA_V19 = {
  ...SCHEMA_V18,
  savedSegments: 'id, name',
} as const;
