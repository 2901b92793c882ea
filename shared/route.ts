// The pages of the app as data: what the renderer shows and what main may ask it to show (a notification's
// click opens a customer or a list). Declared here, with its schema, so main can check a target it is given.
import { z } from 'zod';
import { CHURN_LEVELS, type ChurnLevel } from './domain/churn';
import { LIFECYCLE_STAGES, type LifecycleStage } from './domain/lifecycle';
import { SURVEY_BANDS, type SurveyBand } from './domain/surveyRecords';

/**
 * What narrows the customer list. The list's address carries it, so the browser's back brings it back,
 * while a plain link to the list (no state in its address) shows the whole list.
 */
export interface ListState {
  search: string;
  tag: string | null;
  tier: string | null;
  stage: LifecycleStage | null;
  risk: ChurnLevel | null;
  /** The points filter; absent or null: any. */
  points?: ListPointsFilter | null;
  /** The band of the customer's last survey answer; absent or null: any. */
  survey?: SurveyBand | null;
}

/** The list's points filter: a balance range (either end open, both inclusive) and "points expiring within 30 days". */
export interface ListPointsFilter {
  min: number | null;
  max: number | null;
  expiring: boolean;
}

export const WHOLE_LIST: ListState = { search: '', tag: null, tier: null, stage: null, risk: null };

/** The points filter when it narrows anything, else null. */
export function listPoints(list: Pick<ListState, 'points'>): ListPointsFilter | null {
  const p = list.points;
  return p && (p.min !== null || p.max !== null || p.expiring) ? p : null;
}

export function sameListState(a: ListState, b: ListState): boolean {
  const [x, y] = [listPoints(a), listPoints(b)];
  const samePoints = x === null || y === null ? x === y : x.min === y.min && x.max === y.max && x.expiring === y.expiring;
  return a.search === b.search && a.tag === b.tag && a.tier === b.tier && a.stage === b.stage && a.risk === b.risk && samePoints && (a.survey ?? null) === (b.survey ?? null);
}

export const POINTS_TABS = ['rules', 'rewards'] as const;
export type PointsTab = (typeof POINTS_TABS)[number];

export type Route =
  /** `list` absent: the whole list. */
  | { name: 'customers'; list?: ListState }
  | { name: 'customerNew' }
  | { name: 'customer'; id: string }
  | { name: 'customerEdit'; id: string }
  | { name: 'import' }
  | { name: 'export' }
  | { name: 'duplicates' }
  | { name: 'churn' }
  /** The clerk's day: the care reminders due today and overdue. */
  | { name: 'today' }
  /** The satisfaction figures: CSAT and NPS per month and tier, and the loop closed on unhappy answers. */
  | { name: 'satisfaction' }
  /** The owner's reports: sales, customers, tiers and stages, loyalty, satisfaction over a chosen period. */
  | { name: 'reports' }
  | { name: 'trash' }
  | { name: 'settings' }
  | { name: 'statusRules' }
  | { name: 'tierReview' }
  | { name: 'backups' }
  /** The points rules and the rewards catalogue: one screen, so an owner unlocked on one tab stays so on the other. */
  | { name: 'points'; tab: PointsTab }
  /** The owner's audit log; `customerId`: narrowed to that customer's entries. */
  | { name: 'audit'; customerId?: string }
  /** Complaints, open ones by due date; `id`: that complaint's detail open over the list. */
  | { name: 'complaints'; id?: string }
  /** Campaigns: the list; a new one built from a segment; one campaign's list of customers and results. */
  | { name: 'campaigns' }
  | { name: 'campaignNew' }
  | { name: 'campaign'; id: string };

export type RouteName = Route['name'];

// Bounds, not the form's limits: a tag or tier imported long ago must still be reachable; a megabyte is not.
const MAX_LIST_TEXT = 200;
const listText = z.string().min(1).max(MAX_LIST_TEXT).nullable();

export const listStateSchema = z.strictObject({
  search: z.string().max(MAX_LIST_TEXT),
  tag: listText,
  tier: listText,
  stage: z.enum(LIFECYCLE_STAGES).nullable(),
  risk: z.enum(CHURN_LEVELS).nullable(),
  points: z
    .strictObject({ min: z.number().int().safe().nullable(), max: z.number().int().safe().nullable(), expiring: z.boolean() })
    .nullable()
    .optional(),
  survey: z.enum(SURVEY_BANDS).nullable().optional(),
});

/** Customer ids are UUIDs; anything else (a path, a script, an empty string) names no customer. */
const customerId = z.guid();

const page = <N extends RouteName>(name: N) => z.strictObject({ name: z.literal(name) });

/** A page of the app, checked: unknown pages, extra fields and ids that are not ids are refused. */
export const routeSchema = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('customers'), list: listStateSchema.optional() }),
  page('customerNew'),
  z.strictObject({ name: z.literal('customer'), id: customerId }),
  z.strictObject({ name: z.literal('customerEdit'), id: customerId }),
  page('import'),
  page('export'),
  page('duplicates'),
  page('churn'),
  page('today'),
  page('satisfaction'),
  page('reports'),
  page('trash'),
  page('settings'),
  page('statusRules'),
  page('tierReview'),
  page('backups'),
  z.strictObject({ name: z.literal('points'), tab: z.enum(POINTS_TABS) }),
  z.strictObject({ name: z.literal('audit'), customerId: customerId.optional() }),
  z.strictObject({ name: z.literal('complaints'), id: z.guid().optional() }),
  page('campaigns'),
  page('campaignNew'),
  z.strictObject({ name: z.literal('campaign'), id: z.guid() }),
]);

// The schema and the type describe the same pages; this fails the typecheck when one gains a page alone.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const routeSchemaMatchesRoute: Same<z.infer<typeof routeSchema>, Route> = true;
void routeSchemaMatchesRoute;
