// Planning an import against the store: which rows match an existing customer (same phone, then
// same e-mail), which repeat an earlier row of the same file, and what the chosen policy does with
// them. Pure: the lookups are passed in, the plan is written by the caller in one transaction.
import { changesConsent, type ConsentAnswer, type CurrentConsent } from '../consent';
import type { Birthday, CustomerFields, CustomerPhone } from '../customer';
import { foldText } from '../searchQuery';

export const IMPORT_POLICIES = ['skip', 'update', 'new'] as const;
/** skip: leave matching customers alone; update: merge into them; new: import every row as a new customer. */
export type ImportPolicy = (typeof IMPORT_POLICIES)[number];

/**
 * 'id': a row of the app's own export whose customer id is in the store (the same store). Then
 * phone, then email. 'name' only for a row with neither phone nor e-mail, against a customer who
 * has neither either, with the same name and the same birthday (or both without one): the only
 * way such a row can be recognised when the same file is imported again.
 */
export const MATCH_KINDS = ['id', 'phone', 'email', 'name'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export const IMPORT_SKIP_CAUSES = ['matches-existing', 'duplicate-in-file'] as const;
export type ImportSkipCause = (typeof IMPORT_SKIP_CAUSES)[number];

export interface ImportCandidate {
  rowNumber: number;
  fields: CustomerFields;
  /** The customer's id in the app's own export: matched first, and kept for a new customer when free. */
  id?: string;
  /** The row's marketing-consent answers. */
  consents?: ConsentAnswer[];
  /** Points the row brings from another system (whole, above 0). */
  openingPoints?: number;
}

export interface ImportLookup {
  /** An existing (not deleted) customer with this id (rows of the app's own exports). */
  existingById?: (id: string) => string | undefined;
  /** An existing (not deleted) customer with this normalized phone (CustomerPhone.normalized / Customer.phoneKeys). */
  existingByPhone: (normalized: string) => string | undefined;
  /** An existing customer with this e-mail key (lower case, as Customer.emailKey). */
  existingByEmail: (emailKey: string) => string | undefined;
  /** The stored fields of a matched customer, for the 'update' merge. */
  existingFields: (customerId: string) => CustomerFields | undefined;
  /** A matched customer's current consent, to tell whether the row's answers change it (none when absent). */
  existingConsent?: (customerId: string) => CurrentConsent | undefined;
  /**
   * Customers whose importNameKey(name) is this key (a small index or a scan). Optional: without it
   * rows with neither phone nor e-mail are never matched against the store.
   */
  existingByName?: (nameKey: string) => string[];
  /**
   * When the customer with this id was erased (ISO 8601), from the erasure register. A row of the app's own export
   * with such an id is that person: it is not imported. A referrer with such an id is dropped.
   */
  erasedAt?: (id: string) => string | undefined;
}

/** The name as compared for the 'name' match: folded case and accents, no spaces. */
export function importNameKey(name: string): string {
  return foldText(name).replace(/\s+/g, '');
}

function birthdayKey(b: Birthday | null): string {
  return b ? `${b.calendar}:${b.year ?? ''}:${b.month}:${b.day}:${b.leapMonth ? 1 : 0}` : '';
}

/** The key of a row or customer without phone and e-mail; null when it has either. */
function contactlessKey(f: CustomerFields): string | null {
  if (f.phones.length > 0 || f.email.trim() !== '') return null;
  return `${importNameKey(f.name)}|${birthdayKey(f.birthday)}`;
}

export interface RowDecision {
  rowNumber: number;
  match: { kind: MatchKind; customerId: string } | null;
  /** An earlier row of the same file with the same phone (checked first), e-mail, or (neither) name and birthday. */
  duplicateOf: { kind: MatchKind; rowNumber: number } | null;
  action: 'create' | 'update' | 'skip';
  /** For 'create': index into plan.create; for 'update': the customer. Rows merged into one entry share it. */
  target: { create: number } | { customerId: string } | null;
  skipCause?: ImportSkipCause;
}

export interface PlannedCreate {
  /** Every row merged into this new customer, first row first. */
  rowNumbers: number[];
  fields: CustomerFields;
  /** The id the row brought (own export), to keep when the store has no customer with it. */
  id?: string;
  /** The rows' consent answers, a later row's answer for a channel replacing an earlier one's. */
  consents: ConsentAnswer[];
  /** The opening points of its rows, added up (0: none). */
  openingPoints: number;
}

export interface PlannedUpdate {
  customerId: string;
  rowNumbers: number[];
  /** The existing customer's fields with the imported ones merged in. */
  fields: CustomerFields;
  /** The rows' consent answers that change the customer's consent, in channel order. */
  consents: ConsentAnswer[];
  /** false when the merge changed nothing (re-importing the same file): the caller can skip the write. */
  changed: boolean;
  /** Whether the fields changed (the record is written); consent answers are written apart. */
  fieldsChanged: boolean;
  /** The opening points of its rows, added up (0: none); whether they are written is the store's to say (once per customer). */
  openingPoints: number;
}

/** A row of the app's own export whose customer was erased: not imported, and not an error to correct. */
export interface ErasedRow {
  rowNumber: number;
  /** When the customer was erased (ISO 8601). */
  erasedAt: string;
}

export interface ImportPlan {
  policy: ImportPolicy;
  /** Every row but the erased ones. */
  rows: RowDecision[];
  create: PlannedCreate[];
  update: PlannedUpdate[];
  skip: { rowNumber: number; cause: ImportSkipCause }[];
  erased: ErasedRow[];
  counts: {
    rows: number;
    /** New customers (rows merged into one count once). */
    create: number;
    /** Existing customers updated, and how many of them actually change. */
    update: number;
    updateChanged: number;
    /** Rows skipped. */
    skip: number;
    /** Rows of erased customers, left out. */
    erased: number;
    matchedExisting: number;
    duplicatesInFile: number;
    /** Rows without phone or e-mail when no existingByName was given: re-importing them creates them again. */
    unmatchable: number;
  };
}

const emailKeyOf = (email: string) => email.trim().toLowerCase();

/**
 * Merges imported fields into a customer: non-empty imported values overwrite, empty ones keep what
 * is there; phones are unioned (the existing primary stays primary); tags are unioned (existing
 * spelling kept); notes are appended on a new line unless already contained — a clerk's notes are
 * never overwritten by a file. Merging the same fields twice changes nothing.
 */
export function mergeImportedFields(existing: CustomerFields, imported: CustomerFields): CustomerFields {
  const text = (a: string, b: string) => (b.trim() !== '' ? b : a);

  const phones: CustomerPhone[] = existing.phones.map((p) => ({ ...p }));
  const known = new Set(phones.map((p) => p.normalized));
  for (const p of imported.phones) {
    if (known.has(p.normalized)) continue;
    known.add(p.normalized);
    phones.push({ ...p, primary: false });
  }
  if (phones.length > 0 && !phones.some((p) => p.primary)) {
    const importedPrimary = imported.phones.find((p) => p.primary)?.normalized;
    const i = Math.max(0, phones.findIndex((p) => p.normalized === importedPrimary));
    phones[i]!.primary = true;
  }

  const tags = [...existing.tags];
  const tagKeys = new Set(tags.map((t) => t.toLowerCase()));
  for (const t of imported.tags) {
    if (tagKeys.has(t.toLowerCase())) continue;
    tagKeys.add(t.toLowerCase());
    tags.push(t);
  }

  const notes =
    imported.notes.trim() === '' || existing.notes.includes(imported.notes.trim())
      ? existing.notes
      : existing.notes.trim() === ''
        ? imported.notes
        : `${existing.notes}\n${imported.notes}`;

  return {
    name: text(existing.name, imported.name),
    gender: imported.gender !== 'unspecified' ? imported.gender : existing.gender,
    phones,
    email: text(existing.email, imported.email),
    birthday: imported.birthday ?? existing.birthday,
    company: text(existing.company, imported.company),
    title: text(existing.title, imported.title),
    city: text(existing.city, imported.city),
    address: text(existing.address, imported.address),
    source: imported.source ?? existing.source,
    referredBy: imported.referredBy ?? existing.referredBy,
    preferredChannel: imported.preferredChannel ?? existing.preferredChannel,
    tags,
    notes,
    // A file does not say how the store addresses a customer: the stored choice stays.
    ...(existing.addressAs !== undefined && { addressAs: existing.addressAs }),
    ...(existing.honorific !== undefined && { honorific: existing.honorific }),
  };
}

/** Structural equality of two customers' fields (key order independent). */
export function sameFields(a: CustomerFields, b: CustomerFields): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type Target = { create: number } | { customerId: string };

/** Answers merged: a later answer for a channel replaces an earlier one, in the order channels first came. */
export function mergeConsentAnswers(earlier: readonly ConsentAnswer[], later: readonly ConsentAnswer[] = []): ConsentAnswer[] {
  const out = earlier.map((a) => ({ ...a }));
  for (const a of later) {
    const i = out.findIndex((x) => x.channel === a.channel);
    if (i >= 0) out[i] = { ...a };
    else out.push({ ...a });
  }
  return out;
}

/** Plans an import of validated rows, in file order. */
export function planImport(rows: ImportCandidate[], lookup: ImportLookup, policy: ImportPolicy): ImportPlan {
  const create: PlannedCreate[] = [];
  const updates = new Map<string, PlannedUpdate & { original: CustomerFields }>();
  const decisions: RowDecision[] = [];
  const skip: ImportPlan['skip'] = [];
  const erased: ErasedRow[] = [];
  // Keys seen earlier in this file → the first row that had them and where that row went.
  const filePhones = new Map<string, { rowNumber: number; target: Target | null }>();
  const fileEmails = new Map<string, { rowNumber: number; target: Target | null }>();
  const fileNames = new Map<string, { rowNumber: number; target: Target | null }>();
  const fileIds = new Map<string, { rowNumber: number; target: Target | null }>();
  let matchedExisting = 0;
  let duplicatesInFile = 0;
  let unmatchable = 0;

  for (const given of rows) {
    const erasedAt = given.id ? lookup.erasedAt?.(given.id) : undefined;
    if (erasedAt) {
      erased.push({ rowNumber: given.rowNumber, erasedAt });
      continue;
    }
    const referrer = given.fields.referredBy;
    const row = referrer && lookup.erasedAt?.(referrer) ? { ...given, fields: { ...given.fields, referredBy: null } } : given;
    const phoneKeys = orderedPhoneKeys(row.fields);
    const emailKey = emailKeyOf(row.fields.email);
    const nameKey = contactlessKey(row.fields);
    if (nameKey !== null && !lookup.existingByName) unmatchable++;

    let match: RowDecision['match'] = null;
    const byId = row.id ? lookup.existingById?.(row.id) : undefined;
    if (byId) match = { kind: 'id', customerId: byId };
    for (const key of phoneKeys) {
      if (match) break;
      const id = lookup.existingByPhone(key);
      if (id) {
        match = { kind: 'phone', customerId: id };
        break;
      }
    }
    if (!match && emailKey) {
      const id = lookup.existingByEmail(emailKey);
      if (id) match = { kind: 'email', customerId: id };
    }
    if (!match && nameKey !== null && lookup.existingByName) {
      const ids = lookup.existingByName(importNameKey(row.fields.name)).filter((id) => {
        const f = lookup.existingFields(id);
        return f !== undefined && contactlessKey(f) === nameKey;
      });
      if (ids.length === 1) match = { kind: 'name', customerId: ids[0]! };
    }

    // Within the file, a row of the app's own export is one customer of the store it came from: it
    // repeats an earlier row only by id, so two customers who share a phone there stay two here.
    let earlier: { rowNumber: number; target: Target | null; kind: MatchKind } | null = null;
    if (row.id) {
      const seen = fileIds.get(row.id);
      if (seen) earlier = { ...seen, kind: 'id' };
    }
    for (const key of row.id ? [] : phoneKeys) {
      const seen = filePhones.get(key);
      if (seen) {
        earlier = { ...seen, kind: 'phone' };
        break;
      }
    }
    if (!earlier && emailKey && !row.id) {
      const seen = fileEmails.get(emailKey);
      if (seen) earlier = { ...seen, kind: 'email' };
    }
    if (!earlier && nameKey !== null && !row.id) {
      const seen = fileNames.get(nameKey);
      if (seen) earlier = { ...seen, kind: 'name' };
    }
    const duplicateOf = earlier ? { kind: earlier.kind, rowNumber: earlier.rowNumber } : null;
    if (match) matchedExisting++;
    if (duplicateOf) duplicatesInFile++;

    let action: RowDecision['action'];
    let target: Target | null = null;
    let skipCause: ImportSkipCause | undefined;
    if (policy === 'new') {
      action = 'create';
    } else if (match) {
      if (policy === 'skip') {
        action = 'skip';
        skipCause = 'matches-existing';
      } else {
        action = 'update';
        target = { customerId: match.customerId };
      }
    } else if (earlier) {
      if (policy === 'skip' || !earlier.target) {
        action = 'skip';
        skipCause = 'duplicate-in-file';
      } else {
        target = earlier.target;
        action = 'create' in target ? 'create' : 'update';
      }
    } else {
      action = 'create';
    }

    if (action === 'create' && !target) {
      target = { create: create.length };
      const consents = mergeConsentAnswers([], row.consents);
      const openingPoints = row.openingPoints ?? 0;
      create.push(row.id ? { rowNumbers: [row.rowNumber], fields: row.fields, id: row.id, consents, openingPoints } : { rowNumbers: [row.rowNumber], fields: row.fields, consents, openingPoints });
    } else if (target && 'create' in target) {
      const entry = create[target.create]!;
      entry.rowNumbers.push(row.rowNumber);
      entry.fields = mergeImportedFields(entry.fields, row.fields);
      entry.consents = mergeConsentAnswers(entry.consents, row.consents);
      entry.openingPoints += row.openingPoints ?? 0;
    } else if (target) {
      const id = target.customerId;
      let entry = updates.get(id);
      if (!entry) {
        const original = lookup.existingFields(id);
        if (!original) {
          // The lookup named a customer it cannot produce: import the row as new rather than lose it.
          action = 'create';
          target = { create: create.length };
          create.push({ rowNumbers: [row.rowNumber], fields: row.fields, consents: mergeConsentAnswers([], row.consents), openingPoints: row.openingPoints ?? 0 });
        } else {
          entry = { customerId: id, rowNumbers: [], fields: original, consents: [], changed: false, fieldsChanged: false, openingPoints: 0, original };
          updates.set(id, entry);
        }
      }
      if (entry) {
        entry.rowNumbers.push(row.rowNumber);
        entry.fields = mergeImportedFields(entry.fields, row.fields);
        entry.consents = mergeConsentAnswers(entry.consents, row.consents);
        entry.openingPoints += row.openingPoints ?? 0;
      }
    }
    if (action === 'skip') skip.push({ rowNumber: row.rowNumber, cause: skipCause! });

    // Remember this row's keys (and, for merged rows, keys they add) for later rows.
    const remembered = action === 'skip' ? (earlier?.target ?? null) : target;
    for (const key of phoneKeys) if (!filePhones.has(key)) filePhones.set(key, { rowNumber: duplicateOf?.rowNumber ?? row.rowNumber, target: remembered });
    if (emailKey && !fileEmails.has(emailKey)) fileEmails.set(emailKey, { rowNumber: duplicateOf?.rowNumber ?? row.rowNumber, target: remembered });
    if (row.id && !fileIds.has(row.id)) fileIds.set(row.id, { rowNumber: duplicateOf?.rowNumber ?? row.rowNumber, target: remembered });
    if (nameKey !== null && !fileNames.has(nameKey)) fileNames.set(nameKey, { rowNumber: duplicateOf?.rowNumber ?? row.rowNumber, target: remembered });

    const decision: RowDecision = { rowNumber: row.rowNumber, match, duplicateOf, action, target };
    if (skipCause) decision.skipCause = skipCause;
    decisions.push(decision);
  }

  const update = [...updates.values()].map(({ original, ...u }) => {
    const consent = lookup.existingConsent?.(u.customerId) ?? {};
    const consents = u.consents.filter((a) => changesConsent(consent, a.channel, a.granted));
    const fieldsChanged = !sameFields(original, u.fields);
    return { ...u, consents, fieldsChanged, changed: fieldsChanged || consents.length > 0 };
  });
  return {
    policy,
    rows: decisions,
    create,
    update,
    skip,
    erased,
    counts: {
      rows: rows.length,
      create: create.length,
      update: update.length,
      updateChanged: update.filter((u) => u.changed).length,
      skip: skip.length,
      erased: erased.length,
      matchedExisting,
      duplicatesInFile,
      unmatchable,
    },
  };
}

/** Primary phone first, then the others, as normalized keys. */
function orderedPhoneKeys(fields: CustomerFields): string[] {
  const primary = fields.phones.filter((p) => p.primary);
  const rest = fields.phones.filter((p) => !p.primary);
  return [...new Set([...primary, ...rest].map((p) => p.normalized))];
}
