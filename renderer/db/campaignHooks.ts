// Live reads of campaigns for the screens: the list, one campaign, its contacted customers with their records, its
// results (which change as its members buy), and the saved segments with the tags a segment may name.
import { useLiveQuery } from 'dexie-react-hooks';
import { mayReceive, type Campaign, type CampaignMember, type CampaignResults } from '../../shared/domain/campaigns/campaign';
import type { ConsentChannel } from '../../shared/domain/consent';
import type { Customer } from '../../shared/domain/customer';
import { database } from './database';
import { readCustomers } from './derivation';
import { campaigns, customers, savedSegments } from './index';
import type { SavedSegmentsRead } from './savedSegments';

export function useCampaigns(): Campaign[] | undefined {
  return useLiveQuery(() => campaigns.list(), []);
}

export function useCampaign(id: string): Campaign | null | undefined {
  return useLiveQuery(async () => (await campaigns.get(id)) ?? null, [id]);
}

/**
 * The contacted members, each with their customer (a customer gone since is left out) and whether they still grant
 * marketing consent on the campaign's channel (one who withdrew since is not to be contacted).
 */
export function useContactedMembers(id: string, channel: ConsentChannel): { member: CampaignMember; customer: Customer; mayContact: boolean }[] | undefined {
  return useLiveQuery(async () => {
    const members = await campaigns.members(id, 'contacted');
    const ids = members.map((m) => m.customerId);
    const [customers, consent] = await Promise.all([readCustomers(database(), ids), database().consentState.bulkGet(ids)]);
    return members.flatMap((member, i) => (customers[i] ? [{ member, customer: customers[i], mayContact: mayReceive(channel, consent[i]?.granted ?? []) }] : []));
  }, [id, channel]);
}

export function useCampaignResults(id: string): CampaignResults | undefined {
  return useLiveQuery(() => campaigns.results(id), [id]);
}

/** The saved segments as stored, by name; undefined while read. */
export function useSavedSegments(): SavedSegmentsRead | undefined {
  return useLiveQuery(() => savedSegments.list(), []);
}

/** Every tag in use; undefined while read (not none: a segment's tags are not gone before they are read). */
export function useTagsInUse(): string[] | undefined {
  return useLiveQuery(() => customers.allTags(), []);
}
