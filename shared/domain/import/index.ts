// The import pipeline, in the order it runs:
//   bytes → sniffFileKind (refuse pictures, PDFs, .xls…) → decodeText → parseDelimited (CSV/TSV) | readXlsx (renderer adapter) | parseVCards
//   (layOutRows / layOutWorkbook: the header row under a title, the sheet that holds data)
//   → suggestMapping (user corrects) → rowsToDrafts / recordsToDrafts → planImport (duplicates, policy)
//   purchases: importPurchases → resolvePurchaseCustomers
import { ALL_ERROR_CODES } from '../customerValidation';
import { IMPORT_ROW_ERRORS, IMPORT_SKIP_REASONS } from './customerRecords';
import { TARGET_FIELDS } from './customerMapping';
import { DELIMITED_WARNINGS } from './delimited';
import { REFUSED_FILE_KINDS } from './fileKind';
import { IMPORT_POLICIES, IMPORT_SKIP_CAUSES, MATCH_KINDS } from './importPlan';
import {
  ALL_PURCHASE_IMPORT_CODES,
  PURCHASE_CUSTOMER_PROBLEMS,
  PURCHASE_IMPORT_WARNINGS,
  PURCHASE_TARGETS,
} from './purchasesImport';
import { VCARD_WARNINGS } from './vcard';

export * from './amounts';
export * from './cells';
export * from './customerMapping';
export * from './customerRecords';
export * from './dates';
export * from './decode';
export * from './delimited';
export * from './encodingPreview';
export * from './foreignPhones';
export * from './fileCurrency';
export * from './fileKind';
export * from './importPlan';
export * from './ownExport';
export * from './invisible';
export * from './layout';
export * from './orderLines';
export * from './purchasesImport';
export * from './tabular';
export * from './vcard';

/** Every code the import can show, by group: what the locale files must translate. */
export const IMPORT_MESSAGE_CODES = {
  /** Customer row errors: the form's codes plus the import's own. */
  customerErrors: [...ALL_ERROR_CODES, ...IMPORT_ROW_ERRORS],
  customerSkips: IMPORT_SKIP_REASONS,
  delimitedWarnings: DELIMITED_WARNINGS,
  refusedFileKinds: REFUSED_FILE_KINDS,
  vcardWarnings: VCARD_WARNINGS,
  targetFields: TARGET_FIELDS,
  policies: IMPORT_POLICIES,
  matchKinds: MATCH_KINDS,
  planSkipCauses: IMPORT_SKIP_CAUSES,
  purchaseErrors: ALL_PURCHASE_IMPORT_CODES,
  purchaseWarnings: PURCHASE_IMPORT_WARNINGS,
  purchaseCustomerProblems: PURCHASE_CUSTOMER_PROBLEMS,
  purchaseTargets: PURCHASE_TARGETS,
} as const;

/** i18n key and parameter for a customer created from another system's customer number. */
export const EXTERNAL_CUSTOMER_NAME_KEY = 'import.externalCustomerName';
