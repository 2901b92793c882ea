// Who may do what: the two roles, the actions that need the owner, and how long an owner session lasts.
// The one source for the page (what to lock, when to ask for the PIN) and for main (what to refuse).

export const ROLES = ['clerk', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every action the permission matrix decides. Clerk actions are listed too, so a screen asks the same
 * question whatever the action and a new action has to be placed in the matrix on purpose.
 */
export const ACTIONS = [
  // the clerk's day
  'customers.edit',
  'customers.trash',
  'purchases.record',
  'purchases.void',
  'contacts.log',
  'import.run',
  'export.list',
  'export.customer',
  'backup.now',
  'points.redeem',
  // the owner's
  'backup.restore',
  'backup.settings',
  'backup.password',
  'export.everything',
  'customers.deleteForGood',
  'trash.empty',
  'import.undo',
  'customers.merge',
  'customers.erase',
  'rules.change',
  'points.adjust',
  'audit.view',
  'pin.change',
  'store.settings',
  'campaigns.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const EVERYONE: readonly Role[] = ['clerk', 'owner'];
const OWNER: readonly Role[] = ['owner'];

/** The permission matrix. */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = Object.freeze({
  'customers.edit': EVERYONE,
  'customers.trash': EVERYONE,
  'purchases.record': EVERYONE,
  'purchases.void': EVERYONE,
  'contacts.log': EVERYONE,
  'import.run': EVERYONE,
  'export.list': EVERYONE,
  'export.customer': EVERYONE,
  'backup.now': EVERYONE,
  // A gift or a free service handed over for points is part of serving the customer.
  'points.redeem': EVERYONE,
  'backup.restore': OWNER,
  'backup.settings': OWNER,
  'backup.password': OWNER,
  'export.everything': OWNER,
  'customers.deleteForGood': OWNER,
  'trash.empty': OWNER,
  'import.undo': OWNER,
  'customers.merge': OWNER,
  'customers.erase': OWNER,
  'rules.change': OWNER,
  'points.adjust': OWNER,
  'audit.view': OWNER,
  'pin.change': OWNER,
  // The currency and the phone region change how every amount and number is read and shown.
  'store.settings': OWNER,
  // A campaign spends the store's money and speaks for it to many customers (its saved segments are the owner's to
  // save, change and delete too); working through its list, and loading a saved segment, is the clerk's.
  'campaigns.manage': OWNER,
});

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

/** True when the clerk may not do it: the screen shows a lock and asks for the owner PIN in place. */
export function needsOwner(action: Action): boolean {
  return !can('clerk', action);
}

/** An owner session ends after this long without the owner touching the app. */
export const OWNER_IDLE_MS = 5 * 60_000;

/** The owner session as main keeps it: until when (epoch ms) the owner is known; null when the clerk is. */
export interface OwnerSessionState {
  ownerUntil: number | null;
}

export const CLERK_SESSION: Readonly<OwnerSessionState> = Object.freeze({ ownerUntil: null });

/**
 * How far a clock may step back and leave an owner session open: a time service correcting the clock by a few
 * seconds (or a clock stamped at the end of the PIN's slow check and read by the next request) must not lock the
 * owner out in the middle of what they just unlocked.
 */
export const OWNER_CLOCK_SLACK_MS = 5_000;

/**
 * The role at `now`. A session whose end lies more than OWNER_IDLE_MS (and the slack) ahead was stamped by a
 * clock that has since been put back: it counts as ended, so turning the clock back never stretches a session
 * by more than the slack.
 */
export function roleAt(state: OwnerSessionState, now: number): Role {
  if (state.ownerUntil === null) return 'clerk';
  return now < state.ownerUntil && state.ownerUntil - now <= OWNER_IDLE_MS + OWNER_CLOCK_SLACK_MS ? 'owner' : 'clerk';
}

/** The right PIN was typed: the owner is known until OWNER_IDLE_MS from now. */
export function ownerUnlocked(now: number): OwnerSessionState {
  return { ownerUntil: now + OWNER_IDLE_MS };
}

/** The owner used the app: an open session runs OWNER_IDLE_MS from now; a clerk's stays a clerk's. */
export function ownerTouched(state: OwnerSessionState, now: number): OwnerSessionState {
  return roleAt(state, now) === 'owner' ? ownerUnlocked(now) : CLERK_SESSION;
}
