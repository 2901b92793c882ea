// The words an export writes in one language: its column headers and the labels of coded values
// (性别 男, Gender Not given…), as one plain object. The export worker writes with it, and the import
// reads the app's own exports back with the vocabularies of all three languages.
import { CONSENT_SOURCES } from '../consent';
import { CHANNELS, GENDERS, SOURCES } from '../customer';
import { INTERACTION_CHANNELS, INTERACTION_DIRECTIONS } from '../interaction';
import { POINTS_ENTRY_KINDS } from '../pointsLedger';
import { assertNever } from '../../result';
import { EXPORT_I18N_KEYS } from './index';
import { ERASED_CUSTOMER_CODES, POINTS_RULE_WORDS } from './pointsRows';
import type { ExportValueKind } from './rows';

/** The last column of tables with amounts, naming the currency. */
export const CURRENCY_HEADER_KEY = 'export.currency';

/** Every code of each value kind the exports write. */
export const EXPORT_VALUE_CODES: Readonly<Record<ExportValueKind, readonly string[]>> = {
  gender: GENDERS,
  source: SOURCES,
  channel: [...new Set<string>([...CHANNELS, ...INTERACTION_CHANNELS])],
  direction: INTERACTION_DIRECTIONS,
  calendar: ['solar', 'lunar', 'lunar-leap'],
  yesNo: ['yes', 'no'],
  consent: ['granted', 'withdrawn', 'declined'],
  consentSource: CONSENT_SOURCES,
  pointsKind: POINTS_ENTRY_KINDS,
  pointsRule: POINTS_RULE_WORDS,
  erasedCustomer: ERASED_CUSTOMER_CODES,
};

/** The i18n key of a code's label: gender, source and consent share the screens' words. */
export function exportValueKey(kind: ExportValueKind, code: string): string {
  switch (kind) {
    case 'gender':
      return `gender.${code}`;
    case 'source':
      return `sources.${code}`;
    case 'consent':
      return `consent.states.${code}`;
    case 'consentSource':
      return `consent.sources.${code}`;
    case 'pointsKind':
      return `points.kinds.${code}`;
    case 'pointsRule':
      return `export.points.rules.${code}`;
    case 'erasedCustomer':
      return `export.points.erasedCustomer`;
    case 'channel':
    case 'direction':
    case 'calendar':
    case 'yesNo':
      return `export.values.${kind}.${code}`;
    default:
      return assertNever(kind, 'export value kind');
  }
}

export interface ExportVocabulary {
  /** i18n key of a header or section → its text. */
  texts: Record<string, string>;
  /** kind → code → label. */
  labels: Record<ExportValueKind, Record<string, string>>;
}

/** One language's vocabulary from its translate function. */
export function exportVocabulary(t: (key: string) => string): ExportVocabulary {
  const texts: Record<string, string> = {};
  for (const key of [...EXPORT_I18N_KEYS, CURRENCY_HEADER_KEY]) texts[key] = t(key);
  const labels = {} as Record<ExportValueKind, Record<string, string>>;
  for (const [kind, codes] of Object.entries(EXPORT_VALUE_CODES) as [ExportValueKind, readonly string[]][]) {
    labels[kind] = Object.fromEntries(codes.map((code) => [code, t(exportValueKey(kind, code))]));
  }
  return { texts, labels };
}

/** The label callback of ExportOptions over a vocabulary; an unknown code is written as itself. */
export function vocabularyLabel(v: ExportVocabulary): (kind: ExportValueKind, code: string) => string {
  return (kind, code) => v.labels[kind]?.[code] ?? code;
}

/** A header key's text; an unknown key as itself. */
export function vocabularyText(v: ExportVocabulary): (key: string) => string {
  return (key) => v.texts[key] ?? key;
}
