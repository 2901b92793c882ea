// CSV and row builders for the customer, purchase and contact exports, and one customer's data package.
import {
  CUSTOMER_EXPORT_COLUMNS,
  LEGACY_CUSTOMER_EXPORT_COLUMNS,
  INTERACTION_EXPORT_COLUMNS,
  PACKAGE_SECTION_KEYS,
  PURCHASE_EXPORT_COLUMNS,
  PURCHASE_LINE_EXPORT_COLUMNS,
  customerHeaderKey,
  interactionHeaderKey,
  purchaseHeaderKey,
  purchaseLineHeaderKey,
} from './rows';
import { POINTS_EXPORT_COLUMNS, pointsHeaderKey } from './pointsRows';

export * from './csv';
export * from './rows';
export * from './pointsRows';

/** Every i18n key the exports use as a header or section title: what the locale files must translate. */
export const EXPORT_I18N_KEYS: readonly string[] = [
  ...CUSTOMER_EXPORT_COLUMNS.map(customerHeaderKey),
  ...LEGACY_CUSTOMER_EXPORT_COLUMNS.map(customerHeaderKey),
  ...PURCHASE_EXPORT_COLUMNS.map(purchaseHeaderKey),
  ...PURCHASE_LINE_EXPORT_COLUMNS.map(purchaseLineHeaderKey),
  ...INTERACTION_EXPORT_COLUMNS.map(interactionHeaderKey),
  ...POINTS_EXPORT_COLUMNS.map(pointsHeaderKey),
  ...Object.values(PACKAGE_SECTION_KEYS),
];
