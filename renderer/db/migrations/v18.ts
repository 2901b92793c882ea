// Database version 18: campaigns and their members (issue 18).
import { SCHEMA_V17 } from './v17';

/**
 * Version 18 tables, written out in full by extension: this file is what shipped, whatever later versions do.
 * - `campaigns`: the owner's campaigns, by when they started (the list, newest first).
 * - `campaignMembers`: each customer drawn into a campaign, id `${campaignId}:${customerId}`; by campaign and group
 *   (the clerk's list, the results) and by customer (removal, erasure and merge of a customer carry them).
 */
export const SCHEMA_V18 = {
  ...SCHEMA_V17,
  campaigns: 'id, startedAt',
  campaignMembers: 'id, [campaignId+group], customerId',
} as const;
