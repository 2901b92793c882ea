// The audit log in words: each entry's kind, who, and its facts in the user's language, for the viewer and its files.
import type { TFunction } from 'i18next';
import { isAuditKind, type AuditEntry, type AuditFact } from '../../../shared/domain/auditChain';
import type { CsvCell } from '../../../shared/domain/export';
import { assertNever } from '../../../shared/result';

export interface AuditWording {
  t: TFunction;
  /** Minor units in the store's currency. */
  money: (minor: number) => string;
  dateTime: (iso: string) => string;
}

const num = (fact: AuditFact | undefined): number => (typeof fact === 'number' ? fact : 0);
const str = (fact: AuditFact | undefined): string => (fact === null || fact === undefined ? '' : String(fact));

// A field of the customer record, as the export's column header names it.
const FIELD_HEADER: Readonly<Record<string, string>> = { phones: 'phone' };

/** The kind as words; a kind this version does not know (written by an older or newer one) as its code. */
export function kindText(t: TFunction, kind: string): string {
  return isAuditKind(kind) ? t(`audit.kinds.${kind}`) : kind;
}

export function actorText(t: TFunction, actor: AuditEntry['actor']): string {
  return t(`audit.actors.${actor ?? 'unknown'}`);
}

/** What the entry says beyond its kind: counts, amounts, codes in words. Never personal data (the entry holds none). */
export function detailsText(w: AuditWording, entry: AuditEntry): string {
  const { t } = w;
  const f = entry.facts;
  const kind = entry.kind;
  if (!isAuditKind(kind)) return entry.legacy?.summary ?? '';
  switch (kind) {
    case 'customer.create':
      return num(f.customers) > 1 ? t('audit.details.customers', { count: num(f.customers) }) : '';
    case 'customer.edit': {
      const fields = str(f.fields).split(' ').filter(Boolean);
      if (fields.length === 0) return t('audit.details.nothingChanged');
      return t('audit.details.fields', { fields: fields.map((name) => t(`export.customer.${FIELD_HEADER[name] ?? name}`, { defaultValue: name })).join(t('audit.listSeparator')) });
    }
    case 'customer.trash':
    case 'customer.restore':
      return '';
    case 'customer.deleteForGood':
      return t('audit.details.withHistory', { purchases: num(f.purchases), contacts: num(f.contacts) });
    case 'customer.erase':
      if (f.reapplied === true) return t('audit.details.eraseAgain', { count: entry.customerIds.length });
      return f.purchasesChoice === 'anonymise'
        ? t('audit.details.eraseKept', { purchases: num(f.purchasesAnonymised), contacts: num(f.contacts) })
        : t('audit.details.eraseDeleted', { purchases: num(f.purchasesDeleted), contacts: num(f.contacts) });
    case 'customers.merge':
      return t('audit.details.merge', { merged: Math.max(0, entry.customerIds.length - 1), purchases: num(f.purchases), contacts: num(f.contacts) });
    case 'purchase.record':
    case 'purchase.return':
      return t('audit.details.purchase', { amount: w.money(num(f.totalFen)), time: w.dateTime(str(f.purchasedAt)) });
    case 'purchase.edit':
      return t('audit.details.purchaseEdit', {
        before: w.money(num(f.totalFenBefore)),
        after: w.money(num(f.totalFen)),
        timeBefore: w.dateTime(str(f.purchasedAtBefore)),
        time: w.dateTime(str(f.purchasedAt)),
      });
    case 'purchase.void':
      return t('audit.details.amount', { amount: w.money(num(f.totalFen)) });
    case 'purchase.move':
    case 'purchase.removeAll':
      return t('audit.details.purchases', { count: num(f.purchases) });
    case 'contact.record':
    case 'contact.edit':
      return t('audit.details.contact', { channel: t(`contact.channels.${str(f.channel)}`, { defaultValue: str(f.channel) }), time: w.dateTime(str(f.at)) });
    case 'contact.followUp':
      return t(f.done ? 'audit.details.followUpDone' : 'audit.details.followUpOpen');
    case 'contact.remove':
      return '';
    case 'contact.move':
    case 'contact.removeAll':
      return t('audit.details.contacts', { count: num(f.contacts) });
    case 'consent.change': {
      const channels = (list: AuditFact | undefined) =>
        str(list)
          .split(' ')
          .filter(Boolean)
          .map((ch) => t(`channels.${ch}`, { defaultValue: ch }))
          .join(t('audit.listSeparator'));
      const parts = [
        str(f.granted) ? t('audit.details.consentGranted', { channels: channels(f.granted) }) : null,
        str(f.withdrawn) ? t('audit.details.consentWithdrawn', { channels: channels(f.withdrawn) }) : null,
      ].filter((p): p is string => p !== null);
      return `${parts.join(t('audit.listSeparator'))}${t('audit.details.consentSource', { source: t(`consent.sources.${str(f.source)}`, { defaultValue: str(f.source) }) })}`;
    }
    case 'import.customers':
      return t('audit.details.importCustomers', { created: num(f.created), updated: num(f.updated), skipped: num(f.skipped) });
    case 'import.purchases':
      return t('audit.details.importPurchases', { purchases: num(f.purchases), customers: num(f.customersCreated) });
    case 'import.undo':
      return t('audit.details.importUndo', { customers: num(f.removedCustomers), restored: num(f.restoredCustomers), purchases: num(f.removedPurchases) });
    case 'tierReview.apply':
      return t('audit.details.tierReview', { customers: num(f.customers), changed: num(f.changed) });
    case 'settings.change': {
      const key = str(f.key);
      const setting = t(`audit.settingKeys.${key}`, { defaultValue: key });
      return f.value === null || f.value === undefined ? setting : t('audit.details.setting', { setting, value: str(f.value) });
    }
    case 'pin.change':
      return t(f.change === 'removed' ? 'audit.details.pinRemoved' : 'audit.details.pinSet');
    case 'store.setup':
      return t('audit.details.storeSetup', { customers: num(f.customers), purchases: num(f.purchases) });
    case 'backup.made':
      return t('audit.details.backupMade', { trigger: t(`audit.triggers.${str(f.trigger)}`, { defaultValue: str(f.trigger) }), file: str(f.fileName) });
    case 'backup.restored':
      return t('audit.details.backupRestored', { time: w.dateTime(str(f.backupCreatedAt)), rows: num(f.rows) });
    case 'backup.settings':
      return t('audit.details.backupSettings', {
        fields: str(f.fields)
          .split(' ')
          .filter(Boolean)
          .map((name) => t(`audit.backupFields.${name}`, { defaultValue: name }))
          .join(t('audit.listSeparator')),
      });
    case 'backup.password':
      // 'removed' is what entries said before encryption could be turned off on purpose; it meant the same.
      if (f.change === 'set-up') return t('audit.details.encryptionSetUp', { id: str(f.recoveryKeyId) });
      if (f.change === 'sheet-shown') return t('audit.details.recoverySheetShown', { id: str(f.recoveryKeyId) });
      return t(f.change === 'removed' || f.change === 'encryption-off' ? 'audit.details.encryptionOff' : 'audit.details.passwordSet');
    case 'export.file':
      return t('audit.details.exportFile', {
        what: t(`audit.exportKinds.${str(f.exportKind)}`, { defaultValue: str(f.exportKind) }),
        format: str(f.format) === 'page' ? t('audit.formats.page') : str(f.format).toUpperCase(),
        rows: num(f.rows),
      });
    case 'points.adjust':
      return t('audit.details.pointsAdjust', { points: num(f.points) > 0 ? `+${num(f.points)}` : String(num(f.points)) });
    case 'points.redeem':
      return t('audit.details.pointsRedeem', { points: num(f.points) });
    case 'points.expire':
      return t('audit.details.pointsExpire', { points: num(f.points), customers: num(f.customers) });
    case 'points.birthdayGift':
      return t('audit.details.pointsBirthdayGift', { points: num(f.points), customers: num(f.customers) });
    case 'rewards.change':
      return t('audit.details.rewardsChange', { change: t(`audit.rewardChanges.${str(f.change)}`, { defaultValue: str(f.change) }) });
    case 'reminder.mark':
      return t('audit.details.reminderMark', { kind: t(`care.kinds.${str(f.kind)}`, { defaultValue: str(f.kind) }), status: t(`care.marks.${str(f.status)}`, { defaultValue: str(f.status) }) });
    case 'complaint.open':
      return `${t(`complaints.category.${str(f.category)}`, { defaultValue: str(f.category) })} · ${t(`complaints.severity.${str(f.severity)}`, { defaultValue: str(f.severity) })}`;
    case 'complaint.move':
      return `${t(`complaints.state.${str(f.from)}`, { defaultValue: str(f.from) })} → ${t(`complaints.state.${str(f.to)}`, { defaultValue: str(f.to) })}`;
    case 'complaint.satisfaction':
      return t(f.satisfied === true ? 'complaints.detail.answeredYes' : 'complaints.detail.answeredNo');
    case 'survey.answer':
      return t('audit.details.surveyAnswer', {
        channel: t(`surveys.channels.${str(f.channel)}`, { defaultValue: str(f.channel) }),
        band: t(`surveys.bands.${str(f.band)}`, { defaultValue: str(f.band) }),
      });
    case 'survey.declined':
      return t(f.declined ? 'audit.details.surveyDeclined' : 'audit.details.surveyAccepted');
    case 'survey.version':
      return t('audit.details.surveyVersion', { version: num(f.version) });
    case 'campaign.start':
      return t('audit.details.campaignStart', { channel: t(`channels.${str(f.channel)}`, { defaultValue: str(f.channel) }), contacted: num(f.contacted), control: num(f.control) });
    case 'campaign.mark':
      return t(`campaigns.outcomes.${str(f.outcome)}`, { defaultValue: str(f.outcome) });
    case 'campaign.end':
      return '';
    case 'segment.save':
    case 'segment.update':
      return t('audit.details.segmentConditions', { count: num(f.conditions) });
    case 'segment.rename':
    case 'segment.delete':
      return '';
    default:
      return assertNever(kind, 'audit kind');
  }
}

/** A filter's day as typed: empty, or a real yyyy-MM-dd (the screen says so otherwise, and leaves that end open). */
export function isDayOrEmpty(text: string): boolean {
  const day = text.trim();
  if (day === '') return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const AUDIT_FILE_COLUMNS = ['seq', 'at', 'actor', 'kind', 'kindCode', 'customers', 'refs', 'details', 'hash'] as const;

/** The log as a table for a file: headers in the user's language, one row per entry, ids as they are. */
export function auditFileTable(w: AuditWording, entries: readonly AuditEntry[]): { headers: string[]; rows: CsvCell[][] } {
  return {
    headers: AUDIT_FILE_COLUMNS.map((c) => w.t(`audit.columns.${c}`)),
    rows: entries.map((e) => [e.seq, w.dateTime(e.at), actorText(w.t, e.actor), kindText(w.t, e.kind), e.kind, e.customerIds.join(' '), e.refs.join(' '), detailsText(w, e), e.hash]),
  };
}
