// Campaigns (issue 18): started from a segment with its control group drawn, worked through by the clerk (each mark
// logs a contact on the customer), ended by the owner, and measured against the control group.
import Dexie from 'dexie';
import { startOfMinute } from 'date-fns';
import {
  campaignDraftErrors,
  campaignMemberId,
  campaignResults,
  drawCampaignMembers,
  segmentMembersLeft,
  type Campaign,
  type CampaignDraft,
  type CampaignDraftError,
  type CampaignMember,
  type CampaignOutcome,
  type CampaignResults,
} from '../../shared/domain/campaigns/campaign';
import type { SegmentFacts } from '../../shared/domain/campaigns/segment';
import { fullyReturnedIds, isVisit } from '../../shared/domain/customerFigures';
import { newInteractionRecord } from '../../shared/domain/interaction';
import { recordAudit } from './audit';
import { CustomerNotFoundError, type RepositoryDeps } from './customerList';
import type { RegularsDatabase } from './database';
import { refreshContacts, writeTransaction } from './derivation';
import { readSegmentFactsOf, SEGMENT_FACT_TABLES } from './segmentFacts';

export class CampaignRefusedError extends Error {
  constructor(readonly errors: Partial<Record<keyof CampaignDraft | 'members', CampaignDraftError>>) {
    super(`campaign refused: ${Object.values(errors).join(', ')}`);
  }
}

/** The channel a campaign's contact is logged on: its own. */
const contactSummaryOf = (campaign: Campaign) => campaign.name;

export function createCampaignRepository(db: RegularsDatabase, deps: RepositoryDeps & { random: () => number }) {
  async function requireCampaign(id: string): Promise<Campaign> {
    const campaign = await db.campaigns.get(id);
    if (!campaign) throw new Error(`campaigns: no campaign ${id}`);
    return campaign;
  }

  return {
    /** Every campaign, newest first. */
    async list(): Promise<Campaign[]> {
      return (await db.campaigns.orderBy('startedAt').reverse().toArray()) as Campaign[];
    },

    get(id: string): Promise<Campaign | undefined> {
      return db.campaigns.get(id);
    },

    /** A campaign's members of one group, with their customers' names read by the caller. */
    members(campaignId: string, group: CampaignMember['group']): Promise<CampaignMember[]> {
      return db.campaignMembers.where('[campaignId+group]').equals([campaignId, group]).toArray();
    },

    /**
     * Starts a campaign: checked, then the segment's members who may receive it on its channel drawn into the
     * contacted and the control group, all in one transaction with its audit entry. Refused as a whole with
     * each problem named (nothing is written). The members are read again in the transaction: one who left since
     * the owner saw the count (to the trash, erased, out of the conditions after the rollover, consent withdrawn)
     * refuses the start as 'segment-changed', so no campaign holds a customer it must not.
     */
    async start(draft: CampaignDraft, segment: readonly SegmentFacts[]): Promise<Campaign> {
      const errors = campaignDraftErrors(draft, segment.length);
      if (Object.keys(errors).length) throw new CampaignRefusedError(errors);
      const now = deps.now();
      const at = now.toISOString();
      const campaign: Campaign = { id: deps.newId(), ...draft, name: draft.name.trim(), startedAt: at, endedAt: null, createdAt: at, updatedAt: at };
      return writeTransaction(db, ['campaign'], SEGMENT_FACT_TABLES, async () => {
        const current = await readSegmentFactsOf(db, segment.map((c) => c.id));
        if (segmentMembersLeft(draft, segment, current, now).length > 0) throw new CampaignRefusedError({ members: 'segment-changed' });
        const members = drawCampaignMembers(campaign, segment.map((c) => current.get(c.id)!), deps.random);
        if (members.length === 0) throw new CampaignRefusedError({ members: 'segment-empty' });
        await db.campaigns.add(campaign);
        await db.campaignMembers.bulkAdd(members);
        await recordAudit(db, deps, {
          kind: 'campaign.start',
          customerIds: [],
          refs: [campaign.id],
          facts: { channel: campaign.channel, contacted: members.filter((m) => m.group === 'contacted').length, control: members.filter((m) => m.group === 'control').length },
        });
        return campaign;
      });
    },

    /**
     * The clerk marks a contacted member: sent, replied or no answer logs a contact on the customer (on the campaign's
     * channel, restarting their call-back cadence) once; back to pending keeps the contact logged.
     */
    async mark(campaignId: string, customerId: string, outcome: CampaignOutcome): Promise<CampaignMember> {
      return writeTransaction(db, ['campaign', 'contact'], ['customers'], async () => {
        const campaign = await requireCampaign(campaignId);
        const member = await db.campaignMembers.get(campaignMemberId(campaignId, customerId));
        if (!member || member.group !== 'contacted') throw new Error(`campaigns: ${customerId} is not contacted by ${campaignId}`);
        if (!(await db.customers.get(customerId))) throw new CustomerNotFoundError(customerId);
        const now = deps.now();
        let interactionId = member.interactionId;
        if (outcome !== 'pending' && interactionId === null) {
          const record = newInteractionRecord(
            { at: now.toISOString(), channel: campaign.channel, direction: 'out', summary: contactSummaryOf(campaign), outcome: '', followUpDate: null },
            { id: deps.newId(), customerId, now },
          );
          await db.interactions.add(record);
          await refreshContacts(db, [customerId]);
          interactionId = record.id;
        }
        const reached = outcome === 'sent' || outcome === 'replied';
        const next: CampaignMember = { ...member, outcome, interactionId, reachedAt: reached ? (member.reachedAt ?? now.toISOString()) : null, updatedAt: now.toISOString() };
        await db.campaignMembers.put(next);
        await recordAudit(db, deps, { kind: 'campaign.mark', customerIds: [customerId], refs: interactionId ? [campaignId, interactionId] : [campaignId], facts: { outcome } });
        return next;
      });
    },

    /** The owner ends a campaign: its list closes (no more marks); its results keep counting to their window's end. */
    async end(campaignId: string): Promise<Campaign> {
      return writeTransaction(db, ['campaign'], [], async () => {
        const campaign = await requireCampaign(campaignId);
        if (campaign.endedAt !== null) return campaign;
        const now = deps.now().toISOString();
        const ended = { ...campaign, endedAt: now, updatedAt: now };
        await db.campaigns.put(ended);
        await recordAudit(db, deps, { kind: 'campaign.end', customerIds: [], refs: [campaignId], facts: {} });
        return ended;
      });
    },

    /**
     * What the campaign brought: each member's visits since it started (a return or a voided purchase is no
     * visit; the amount is net of returns), against the control group.
     */
    async results(campaignId: string): Promise<CampaignResults> {
      return db.transaction('r', [db.campaigns, db.campaignMembers, db.purchases], async () => {
        const campaign = await requireCampaign(campaignId);
        const members = await db.campaignMembers.where('[campaignId+group]').between([campaignId, Dexie.minKey], [campaignId, Dexie.maxKey]).toArray();
        // From the start's minute: campaignResults counts a purchase typed in it.
        const from = startOfMinute(new Date(campaign.startedAt)).toISOString();
        const purchases = await Dexie.Promise.all(members.map((m) => db.purchases.where('[customerId+purchasedAt]').between([m.customerId, from], [m.customerId, Dexie.maxKey], true, true).toArray()));
        return campaignResults(
          members.map((m, i) => {
            const own = purchases[i]!.filter((p) => p.isVoided === 0);
            const returned = fullyReturnedIds(own);
            return { group: m.group, outcome: m.outcome, reachedAt: m.reachedAt, purchases: own.map((p) => ({ at: p.purchasedAt, totalFen: p.totalFen, visit: isVisit(p, returned) })) };
          }),
          campaign.startedAt,
          campaign.windowDays,
          campaign.costFen,
        );
      });
    },
  };
}

export type CampaignRepository = ReturnType<typeof createCampaignRepository>;
