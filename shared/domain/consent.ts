// Marketing consent: a customer's append-only history per channel, their current consent derived from it,
// and the one rule that decides whether they may be contacted for a purpose on a channel.
import { assertNever } from '../result';

/** The channels a customer can agree to be marketed on. */
export const CONSENT_CHANNELS = ['sms', 'phone', 'wechat', 'email'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/**
 * Where an answer was recorded. 'unrecorded': an answer kept before the history existed (database
 * version 9 moved it over), when the form asked no source.
 */
export const CONSENT_SOURCES = ['in-store', 'paper-form', 'import', 'unrecorded'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** The sources a clerk chooses from when recording a grant by hand. */
export const CLERK_CONSENT_SOURCES = ['in-store', 'paper-form'] as const satisfies readonly ConsentSource[];
export type ClerkConsentSource = (typeof CLERK_CONSENT_SOURCES)[number];

/** Why the store would contact a customer. Only a promotion is marketing. */
export const CONTACT_PURPOSES = ['greeting', 'service', 'promotion'] as const;
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];

/** One answer: the customer said yes (granted) or no (withdrew, or declined when never asked before). */
export interface ConsentEvent {
  id: string;
  customerId: string;
  channel: ConsentChannel;
  granted: boolean;
  source: ConsentSource;
  /** ISO 8601 UTC: when the answer was given (recorded). Strictly later than the customer's previous answer. */
  at: string;
}

/**
 * A channel's standing: 'granted'; 'withdrawn' (a yes taken back); 'declined' (a no without an earlier
 * yes); 'none' (never asked).
 */
export type ConsentState = 'granted' | 'withdrawn' | 'declined' | 'none';

export interface ChannelConsent {
  state: Exclude<ConsentState, 'none'>;
  /** The time of the answer that put the channel in this state. */
  at: string;
  source: ConsentSource;
}

/** Each channel's standing; a channel never asked is absent. */
export type CurrentConsent = Partial<Record<ConsentChannel, ChannelConsent>>;

/**
 * The stored current consent of one customer (the `consentState` table, id = the customer's): the
 * channels, and the channels granted as a multi-entry index, so a marketing list reads who may be
 * contacted on a channel from the index alone.
 */
export interface ConsentStateRow {
  id: string;
  channels: CurrentConsent;
  granted: ConsentChannel[];
}

export function isConsentChannel(value: unknown): value is ConsentChannel {
  return typeof value === 'string' && (CONSENT_CHANNELS as readonly string[]).includes(value);
}

const byTime = (a: Pick<ConsentEvent, 'at' | 'id'>, b: Pick<ConsentEvent, 'at' | 'id'>) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Oldest first; answers given at the same instant (never, see nextConsentTime) by id. */
export function sortConsentHistory<T extends Pick<ConsentEvent, 'at' | 'id'>>(events: readonly T[]): T[] {
  return [...events].sort(byTime);
}

/**
 * Each channel's standing from the history, as of `asOf` (an ISO time or a Date; answers after it do
 * not count yet). Without `asOf`, every answer counts.
 */
export function consentFromHistory(events: readonly Omit<ConsentEvent, 'customerId'>[], asOf?: string | Date): CurrentConsent {
  const limit = asOf === undefined ? null : typeof asOf === 'string' ? asOf : asOf.toISOString();
  const out: CurrentConsent = {};
  const everGranted = new Set<ConsentChannel>();
  for (const e of sortConsentHistory(events)) {
    if (limit !== null && e.at > limit) break;
    if (!isConsentChannel(e.channel)) continue;
    if (e.granted) everGranted.add(e.channel);
    out[e.channel] = { state: e.granted ? 'granted' : everGranted.has(e.channel) ? 'withdrawn' : 'declined', at: e.at, source: e.source };
  }
  return out;
}

export function consentStateOf(consent: CurrentConsent, channel: ConsentChannel): ConsentState {
  return consent[channel]?.state ?? 'none';
}

/** The channels granted, in the channels' order. */
export function grantedChannels(consent: CurrentConsent): ConsentChannel[] {
  return CONSENT_CHANNELS.filter((ch) => consent[ch]?.state === 'granted');
}

export function consentStateRow(customerId: string, events: readonly Omit<ConsentEvent, 'customerId'>[]): ConsentStateRow {
  const channels = consentFromHistory(events);
  return { id: customerId, channels, granted: grantedChannels(channels) };
}

export function isMarketing(purpose: ContactPurpose): boolean {
  switch (purpose) {
    case 'greeting':
    case 'service':
      return false;
    case 'promotion':
      return true;
    default:
      return assertNever(purpose, 'contact purpose');
  }
}

/**
 * Whether the store may contact the customer for `purpose` on `channel`: a greeting or a service call
 * always; a promotion only on a channel the customer has granted and not withdrawn.
 */
export function mayContact(purpose: ContactPurpose, channel: ConsentChannel, consent: CurrentConsent): boolean {
  if (!isMarketing(purpose)) return true;
  return consentStateOf(consent, channel) === 'granted';
}

/** mayContact as of a moment, from the customer's whole history (answers after `at` do not count). */
export function mayContactAt(purpose: ContactPurpose, channel: ConsentChannel, history: readonly Omit<ConsentEvent, 'customerId'>[], at: string | Date): boolean {
  return mayContact(purpose, channel, consentFromHistory(history, at));
}

/** The customers of a marketing list on `channel`: only those whose consent on it stands, in the given order. */
export function marketingAudience<T extends { consent: CurrentConsent }>(candidates: readonly T[], channel: ConsentChannel): T[] {
  return candidates.filter((c) => mayContact('promotion', channel, c.consent));
}

/**
 * The time a new answer is recorded at: now, or, when the clock reads earlier than the customer's
 * latest answer (a clock put back), a millisecond after it, so the history keeps the order in which
 * the answers were given.
 */
export function nextConsentTime(now: Date, latestAt: string | null): string {
  const at = now.toISOString();
  if (latestAt === null || at > latestAt) return at;
  return new Date(Date.parse(latestAt) + 1).toISOString();
}

/**
 * Whether an answer changes the channel's standing: a yes where it is not granted; a no where it is
 * granted (a withdrawal) or never asked (declined). Anything else records nothing, so a second click,
 * or the same file imported again, does not add a second answer.
 */
export function changesConsent(current: CurrentConsent, channel: ConsentChannel, granted: boolean): boolean {
  const state = consentStateOf(current, channel);
  return granted ? state !== 'granted' : state === 'granted' || state === 'none';
}

/** The latest answer's time in a customer's current consent, or null without any. */
export function latestConsentAt(consent: CurrentConsent): string | null {
  let latest: string | null = null;
  for (const ch of CONSENT_CHANNELS) {
    const at = consent[ch]?.at;
    if (at && (latest === null || at > latest)) latest = at;
  }
  return latest;
}

export interface ConsentAnswer {
  channel: ConsentChannel;
  granted: boolean;
}

/**
 * The history entries that record `answers` for one customer whose current consent is `current`, in the
 * given order: answers that change nothing are left out (changesConsent), each entry timed after the
 * customer's latest (nextConsentTime). Returns the entries and the consent they lead to.
 */
export function recordConsentAnswers(
  customerId: string,
  current: CurrentConsent,
  answers: readonly ConsentAnswer[],
  source: ConsentSource,
  now: Date,
  newId: () => string,
): { events: ConsentEvent[]; consent: CurrentConsent } {
  const events: ConsentEvent[] = [];
  const consent: CurrentConsent = { ...current };
  let latest = latestConsentAt(current);
  for (const answer of answers) {
    if (!changesConsent(consent, answer.channel, answer.granted)) continue;
    const at = nextConsentTime(now, latest);
    const event: ConsentEvent = { id: newId(), customerId, channel: answer.channel, granted: answer.granted, source, at };
    const before = consent[answer.channel]?.state;
    consent[answer.channel] = { state: answer.granted ? 'granted' : before === 'granted' ? 'withdrawn' : 'declined', at, source };
    events.push(event);
    latest = at;
  }
  return { events, consent };
}
