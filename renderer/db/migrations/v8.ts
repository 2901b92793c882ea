// Database version 8: purchases, contacts and tier history lose the index entries nothing needs.
/**
 * Version 8 tables, written out in full: this file is what shipped, whatever later versions do.
 * IndexedDB writes every index entry of every record it puts, so each index on a table of a million
 * purchases is a million entries written by an import and a restore. Three kinds go:
 * - `importId` on purchases and contacts: only an import's undo asked it, and the import batch already
 *   lists its purchases (`purchaseIds`) and contacts (`interactionIds`).
 * - `customerId` on purchases, contacts and tier history: `[customerId+purchasedAt]` (and `+at`)
 *   answer the same question, as a prefix (Dexie's virtual index), in date order.
 * Only indexes go, no data changes: Dexie deletes the indexes when it opens the database at version 8.
 */
export const SCHEMA_V8 = {
  customers:
    'id, *tags, *phoneKeys, emailKey, [isDeleted+nameSort], [isDeleted+phoneSort], [isDeleted+tagsSort], [isDeleted+createdAt], [isDeleted+updatedAt], [isDeleted+deletedAt], externalKey',
  customerState:
    'id, [isDeleted+totalSpentFen], [isDeleted+purchaseCount], [isDeleted+lastPurchaseSort], [isDeleted+tierId], [isDeleted+lifecycleStage], [isDeleted+churnLevel], [isDeleted+valueAtRiskFen], [isDeleted+pendingTierId]',
  settings: 'key',
  purchases: 'id, [customerId+purchasedAt], purchasedAt, returnOf, externalRef',
  interactions: 'id, [customerId+at], followUpDate',
  catalog: 'key',
  auditLog: 'id, at, kind',
  imports: 'id, at',
  tierHistory: 'id, [customerId+at]',
  customerSearch: 'id, *tokens',
  bookkeeping: 'key',
  pins: 'role',
} as const;
