import { Role } from '../../common/actor';
import { addDays } from '../../common/dates';
import { actorSetting, ALL_ROWS, definePolicy, type ReadScope, type WriteScope } from '../../common/policy';
import type { Activity } from './activity.entity';

/**
 * Officers may log or change their own activities until this many days after the activity's date. The one
 * definition: the console's copy (admin/src/auth/permissions.ts) is checked against it by
 * test/unit/console-permissions.test.ts.
 */
export const EDIT_WINDOW_DAYS = 14;

/** The refusal of a write outside the edit window, in the words the console repeats. */
export const editWindowRefusal = (date: string) =>
  `Activities can be logged or changed up to ${EDIT_WINDOW_DAYS} days after they happened: this one was on ${date}`;

// The activity's own agency (the one its officer served on its date, set by PostgreSQL): a chief keeps the work
// done while an officer was theirs, and does not gain an incoming officer's past.
const ownAgencysWork: ReadScope<Activity> & WriteScope = {
  where: (actor) => ({ agency: actor.agencyId ?? 0 }),
  holds: (actor, activity) => activity.agencyId === actor.agencyId,
  sql: `agency_id = ${actorSetting('agency_id')}`,
};

const own: ReadScope<Activity> & WriteScope = {
  where: (actor) => ({ officer: actor.officerId ?? 0 }),
  holds: (actor, activity) => activity.officerId === actor.officerId,
  sql: `officer_id = ${actorSetting('officer_id')}`,
};

/**
 * What officers do is its agency's business: ADMIN and ANALYST read every activity, a chief reads and logs the activities
 * done for its agency only (by the officer's agency on the activity's date), an officer its own, within the edit window. ADMIN writes any; ANALYST never.
 */
export const activityPolicy = definePolicy<Activity>({
  table: 'activity',
  facts: (activity) => ({
    officerId: activity.officer.id,
    // Before the insert the database has not set it yet: the officer's agency now is the best guess, and row
    // security checks the agency the trigger sets.
    agencyId: activity.agency?.id ?? activity.officer.getEntity()?.agency.id,
    date: activity.date,
  }),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} },
    [Role.ANALYST]: { read: ALL_ROWS, create: null, update: null, delete: null, fields: {} },
    [Role.AGENCY_CHIEF]: {
      read: ownAgencysWork,
      create: ownAgencysWork,
      update: ownAgencysWork,
      delete: ownAgencysWork,
      fields: {},
    },
    [Role.OFFICER]: {
      read: own,
      create: own,
      update: own,
      delete: own,
      // Row security does not know today's date: the window is the API's alone.
      refuse: (activity, today) =>
        activity.date !== undefined && activity.date < addDays(today, -EDIT_WINDOW_DAYS) ? editWindowRefusal(activity.date) : undefined,
      fields: {},
    },
  },
});
