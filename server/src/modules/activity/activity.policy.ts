import { Role, type Actor } from '../../common/actor';
import { addDays } from '../../common/dates';
import type { Policy } from '../../common/policy';
import type { Activity } from './activity.entity';

/** Officers may change their own log until this many days after the activity's date. */
export const EDIT_WINDOW_DAYS = 14;

function canWrite(actor: Actor, activity: Activity, today: string): boolean {
  switch (actor.role) {
    case Role.ADMIN:
      return true;
    case Role.AGENCY_CHIEF:
      return activity.officer.getEntity()?.agency.id === actor.agencyId;
    case Role.OFFICER:
      return activity.officer.id === actor.officerId && activity.date >= addDays(today, -EDIT_WINDOW_DAYS);
    default:
      return false;
  }
}

/**
 * What officers do is its agency's business: a chief reads and logs its own officers' activities only, an officer
 * its own (changes within the edit window); ADMIN and ANALYST read all; ANALYST never writes.
 */
export const activityPolicy: Policy<Activity> = {
  readable(actor) {
    switch (actor.role) {
      case Role.AGENCY_CHIEF:
        return { officer: { agency: actor.agencyId ?? 0 } };
      case Role.OFFICER:
        return { officer: actor.officerId ?? 0 };
      default:
        return {};
    }
  },
  canCreate: canWrite,
  canUpdate: canWrite,
  canDelete: canWrite,
  // An officer's own activity is refused for its date alone: say so, and which date.
  refusal: (actor, activity, today) =>
    actor.role === Role.OFFICER && activity.officer.id === actor.officerId && activity.date < addDays(today, -EDIT_WINDOW_DAYS)
      ? `Activities can be logged or changed up to ${EDIT_WINDOW_DAYS} days after they happened: this one was on ${activity.date}`
      : undefined,
};
