// A campaign: who of its segment is contacted and who is held out as the control group, who may be contacted on
// its channel, and what it brought measured against the control group.
import { addDays, startOfMinute } from 'date-fns';
import type { ConsentChannel } from '../consent';
import { conditionProblem, inSegment, type SegmentCondition, type SegmentFacts, type SegmentVocabulary } from './segment';

/** The share held out by default: enough to compare against, few enough not to cost the store much. */
export const DEFAULT_CONTROL_SHARE = 0.1;
/** Days after being contacted within which a purchase counts as coming back, by default. */
export const DEFAULT_RESULT_WINDOW_DAYS = 30;

/**
 * Splits a campaign's customers (its segment's, less those who may not be contacted on its channel: both groups
 * must be customers the store could have contacted, or the comparison favours one) into the contacted and the
 * control group: a uniform random shuffle (Fisher–Yates over `random`, uniform in [0, 1), passed in) of which
 * the first round(share × n) are held out.
 */
/** How many of `members` customers a share holds out: the one rounding the draw and the form's preview use. */
export const heldOutCount = (members: number, share: number): number => Math.round(share * members);

export function splitControlGroup<T>(members: readonly T[], share: number, random: () => number): { contacted: T[]; control: T[] } {
  if (!(share >= 0 && share < 1)) throw new RangeError(`splitControlGroup: share must be in [0, 1), got ${share}`);
  const shuffled = [...members];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const held = heldOutCount(shuffled.length, share);
  return { control: shuffled.slice(0, held), contacted: shuffled.slice(held) };
}

/** How a contact of the campaign went, as the clerk marks it. */
export const CAMPAIGN_OUTCOMES = ['pending', 'sent', 'replied', 'no-answer'] as const;
export type CampaignOutcome = (typeof CAMPAIGN_OUTCOMES)[number];

/** Who of the contacted may receive a promotion on the channel: those who granted marketing consent on it now. */
export function mayReceive(channel: ConsentChannel, consented: readonly ConsentChannel[]): boolean {
  return consented.includes(channel);
}

/** One member of a campaign, as the results read it. */
export interface CampaignMemberResult {
  group: 'contacted' | 'control';
  outcome: CampaignOutcome;
  /** When the clerk marked them sent or replied (ISO); the control group's and the not yet reached: null. */
  reachedAt: string | null;
}

/** A member's purchases and returns after the campaign started, voided ones left out (ISO time and amount; a return's is negative). */
export interface MemberPurchase {
  at: string;
  totalFen: number;
  /** A visit (shared/domain/customerFigures isVisit): not a return, not returned in full. */
  visit: boolean;
}

export interface GroupResult {
  members: number;
  cameBack: number;
  /** cameBack / members × 100; null without members. */
  cameBackShare: number | null;
  revenueFen: number;
}

export interface CampaignResults {
  reached: number;
  replied: number;
  contacted: GroupResult;
  control: GroupResult;
  /** The contacted's came-back share less the control's, in percentage points; null without both groups. */
  upliftPoints: number | null;
  /** Purchases the uplift stands for: the uplift's share of the contacted, times their average revenue per returning customer. */
  extraRevenueFen: number | null;
  costFen: number;
  /** extraRevenueFen − costFen; null without an uplift. */
  netFen: number | null;
  /** Too few in a group to read much into (fewer than 30). */
  fewMembers: boolean;
}

const FEW = 30;

/**
 * What a campaign brought: a member came back when they visited within `windowDays` after the campaign started
 * (the contacted and the control group alike, so the two compare); their revenue is that of the window, net of
 * returns in it. The uplift is the difference of the came-back shares; the extra revenue, the uplift applied
 * to the contacted at the contacted's revenue per returning customer.
 */
export function campaignResults(
  members: readonly (CampaignMemberResult & { purchases: readonly MemberPurchase[] })[],
  startedAt: string,
  windowDays: number,
  costFen: number,
): CampaignResults {
  // Purchase times are typed to the minute: one in the minute the campaign started counts.
  const from = startOfMinute(new Date(startedAt)).toISOString();
  const until = addDays(new Date(startedAt), windowDays).toISOString();
  const groups = { contacted: { members: 0, cameBack: 0, revenueFen: 0 }, control: { members: 0, cameBack: 0, revenueFen: 0 } };
  let reached = 0;
  let replied = 0;
  for (const m of members) {
    const g = groups[m.group];
    g.members += 1;
    if (m.group === 'contacted' && (m.outcome === 'sent' || m.outcome === 'replied')) reached += 1;
    if (m.group === 'contacted' && m.outcome === 'replied') replied += 1;
    const inWindow = m.purchases.filter((p) => p.at >= from && p.at < until);
    if (!inWindow.some((p) => p.visit)) continue;
    g.cameBack += 1;
    g.revenueFen += inWindow.reduce((sum, p) => sum + p.totalFen, 0);
  }
  const result = (g: (typeof groups)['contacted']): GroupResult => ({ ...g, cameBackShare: g.members ? (g.cameBack / g.members) * 100 : null });
  const contacted = result(groups.contacted);
  const control = result(groups.control);
  const upliftPoints = contacted.cameBackShare !== null && control.cameBackShare !== null ? contacted.cameBackShare - control.cameBackShare : null;
  const perReturning = contacted.cameBack ? contacted.revenueFen / contacted.cameBack : 0;
  const extraRevenueFen = upliftPoints === null ? null : Math.round((upliftPoints / 100) * contacted.members * perReturning);
  return {
    reached,
    replied,
    contacted,
    control,
    upliftPoints,
    extraRevenueFen,
    costFen,
    netFen: extraRevenueFen === null ? null : extraRevenueFen - costFen,
    fewMembers: contacted.members < FEW || control.members < FEW,
  };
}

/** A campaign as stored (table `campaigns`): what it is, to whom, and how its worth is measured. */
export interface Campaign {
  id: string;
  name: string;
  /** The segment as it was built when the campaign started (its members are drawn then, not again). */
  conditions: SegmentCondition[];
  channel: ConsentChannel;
  /** The message as the owner wrote it, with the greeting fields ({name}, {store}...) that fill per customer. */
  message: string;
  costFen: number;
  /** ISO; members came back when they bought within windowDays after it. */
  startedAt: string;
  windowDays: number;
  controlShare: number;
  /** ISO when the owner ended it (the list is closed); null while it runs. */
  endedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One customer of a campaign (table `campaignMembers`, id `${campaignId}:${customerId}`). */
export interface CampaignMember {
  id: string;
  campaignId: string;
  customerId: string;
  group: 'contacted' | 'control';
  outcome: CampaignOutcome;
  /** When marked sent or replied (ISO); null otherwise. */
  reachedAt: string | null;
  /** The contact logged on the customer when marked; null before. */
  interactionId: string | null;
  updatedAt: string;
}

export const campaignMemberId = (campaignId: string, customerId: string): string => `${campaignId}:${customerId}`;

/** What the owner fills in to start a campaign. */
export interface CampaignDraft {
  name: string;
  conditions: SegmentCondition[];
  channel: ConsentChannel;
  message: string;
  costFen: number;
  windowDays: number;
  controlShare: number;
}

export type CampaignDraftError = 'name-missing' | 'message-missing' | 'cost-invalid' | 'window-invalid' | 'control-invalid' | 'segment-invalid' | 'segment-empty' | 'segment-changed';

/**
 * What is wrong with a draft, field by field (a refused draft keeps what was typed; the form shows these). Given what
 * the store knows now, a condition naming a tier or tag that is gone is wrong too (a loaded saved segment's).
 */
export function campaignDraftErrors(draft: CampaignDraft, members: number, known?: SegmentVocabulary): Partial<Record<keyof CampaignDraft | 'members', CampaignDraftError>> {
  const errors: Partial<Record<keyof CampaignDraft | 'members', CampaignDraftError>> = {};
  if (draft.name.trim() === '') errors.name = 'name-missing';
  if (draft.message.trim() === '') errors.message = 'message-missing';
  if (!Number.isSafeInteger(draft.costFen) || draft.costFen < 0) errors.costFen = 'cost-invalid';
  if (!Number.isInteger(draft.windowDays) || draft.windowDays < 1 || draft.windowDays > 365) errors.windowDays = 'window-invalid';
  if (!(draft.controlShare >= 0 && draft.controlShare <= 0.5)) errors.controlShare = 'control-invalid';
  if (draft.conditions.some((c) => conditionProblem(c, known) !== null)) errors.conditions = 'segment-invalid';
  else if (members === 0) errors.members = 'segment-empty';
  return errors;
}

/**
 * Of the customers a campaign is started from (as the owner saw them counted), those who no longer belong as the
 * store stands now (`current`: each one's facts now, null when no longer active): in the trash or erased, out of the
 * segment's conditions, or no longer consenting on the campaign's channel.
 */
export function segmentMembersLeft(
  campaign: Pick<CampaignDraft, 'conditions' | 'channel'>,
  shown: readonly Pick<SegmentFacts, 'id' | 'consented'>[],
  current: ReadonlyMap<string, SegmentFacts | null>,
  today: Date,
): string[] {
  return shown
    .filter(({ id, consented }) => {
      const now = current.get(id);
      if (!now || !inSegment({ conditions: campaign.conditions }, now, today)) return true;
      return mayReceive(campaign.channel, consented) && !mayReceive(campaign.channel, now.consented);
    })
    .map(({ id }) => id);
}

/**
 * The members of a new campaign: of the segment's customers, those who may receive it on its channel, split into
 * the contacted and the control group (splitControlGroup).
 */
export function drawCampaignMembers(
  campaign: Pick<Campaign, 'id' | 'channel' | 'controlShare' | 'createdAt'>,
  segment: readonly { id: string; consented: readonly ConsentChannel[] }[],
  random: () => number,
): CampaignMember[] {
  const reachable = segment.filter((c) => mayReceive(campaign.channel, c.consented)).map((c) => c.id);
  const { contacted, control } = splitControlGroup(reachable, campaign.controlShare, random);
  const member = (customerId: string, group: CampaignMember['group']): CampaignMember => ({
    id: campaignMemberId(campaign.id, customerId),
    campaignId: campaign.id,
    customerId,
    group,
    outcome: 'pending',
    reachedAt: null,
    interactionId: null,
    updatedAt: campaign.createdAt,
  });
  return [...contacted.map((id) => member(id, 'contacted')), ...control.map((id) => member(id, 'control'))];
}
