// Database version 11: the erasure register (the ids of erased customers, when, and what became of their purchases).

/**
 * Version 11 tables, written out in full by extension: this file is what shipped, whatever later versions do.
 * `erasures` (id = the erased customer's): ids, dates and a code only, nothing personal, so it can travel in
 * every backup and erase the person again after a restore of an older one. No upgrade: the register starts empty.
 */
import { SCHEMA_V10 } from './v10';

export const SCHEMA_V11 = {
  ...SCHEMA_V10,
  erasures: 'id',
} as const;
