import { Role, type Actor } from '../../server/src/common/actor';
import { activityPolicy } from '../../server/src/modules/activity/activity.policy';
import { REPORT_RULES, restrictionOf } from '../../server/src/modules/report/report.policy';

// The reports show in detail the activities a role reads (report.policy.ts beside activity.policy.ts): a rule
// changed in one of them only fails here.

const ACTORS: Actor[] = [
  { userId: 1, role: Role.ADMIN, agencyId: null, officerId: null, label: 'admin' },
  { userId: 2, role: Role.ANALYST, agencyId: null, officerId: null, label: 'analyst' },
  { userId: 3, role: Role.AGENCY_CHIEF, agencyId: 7, officerId: null, label: 'chief' },
  { userId: 4, role: Role.OFFICER, agencyId: 7, officerId: 70, label: 'officer' },
];

/** The activities filter that a report restriction stands for. */
function asActivityFilter({ agencyId, officerId }: { agencyId: number | null; officerId: number | null }) {
  if (officerId !== null) return { officer: officerId };
  // An agency restriction is on the activity's own agency (the one its officer served on its date).
  if (agencyId !== null) return { agency: agencyId };
  return {};
}

test.each(ACTORS.map((actor) => [actor.role, actor]))('%s: the reports detail the activities it reads', (_role, actor) => {
  expect(asActivityFilter(restrictionOf(actor))).toEqual(activityPolicy.readable(actor));
  // Small cells guard other agencies' figures from a role that sees its own agency only.
  expect(REPORT_RULES[actor.role].suppressesSmallCells).toBe(REPORT_RULES[actor.role].detail === 'AGENCY');
});
