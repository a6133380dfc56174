import { formatDate } from './common/dates';

/** The API's enums as react-admin choices, with the words a district's staff use. */
export interface Choice {
  id: string;
  name: string;
}

const choices = (entries: Record<string, string>): Choice[] => Object.entries(entries).map(([id, name]) => ({ id, name }));

export const agencyKinds = choices({
  MUNICIPAL_POLICE: 'Municipal police',
  COUNTY_SHERIFF: "County sheriff's office",
  STATE_PATROL: 'State patrol',
  SCHOOL_DISTRICT_POLICE: 'School district police',
  TRIBAL_POLICE: 'Tribal police',
  OTHER: 'Other',
});

export const officerRanks = choices({
  OFFICER: 'Officer',
  DEPUTY: 'Deputy',
  TROOPER: 'Trooper',
  CORPORAL: 'Corporal',
  SERGEANT: 'Sergeant',
  LIEUTENANT: 'Lieutenant',
  CAPTAIN: 'Captain',
  CHIEF: 'Chief',
  OTHER: 'Other',
});

export const officerStatuses = choices({ ACTIVE: 'Active', ON_LEAVE: 'On leave', INACTIVE: 'Inactive' });

export const schoolLevels = choices({
  ELEMENTARY: 'Elementary',
  MIDDLE: 'Middle',
  JUNIOR_HIGH: 'Junior high',
  HIGH: 'High',
  K12: 'K-12',
  ALTERNATIVE: 'Alternative',
  OTHER: 'Other',
});

export const schoolLocales = choices({ CITY: 'City', SUBURB: 'Suburb', TOWN: 'Town', RURAL: 'Rural' });

export const assignmentRoles = choices({ PRIMARY: 'Primary', SECONDARY: 'Secondary', BACKUP: 'Backup' });

export const coverageStatuses = choices({ COVERED: 'Covered', PARTIAL: 'Partial', UNCOVERED: 'Uncovered' });

export const activityCategories = choices({
  CLASSROOM_INSTRUCTION: 'Classroom instruction',
  MENTORING: 'Mentoring',
  CASS_PROGRAM: 'CASS program',
  SAFETY_AUDIT: 'Safety audit',
  TIP_FOLLOW_UP: 'Tip follow-up (Safe2Tell)',
  EMERGENCY_DRILL: 'Emergency drill',
  THREAT_ASSESSMENT: 'Threat assessment',
  STAFF_PARENT_MEETING: 'Staff or parent meeting',
  LAW_ENFORCEMENT_RESPONSE: 'Law-enforcement response',
  EXTRACURRICULAR_EVENT: 'Extracurricular event',
  VISIBILITY_PATROL: 'Visibility patrol',
  TRAINING: 'Training',
  OTHER: 'Other',
});

export const instructionTopics = choices({
  DRUGS_ALCOHOL: 'Drugs and alcohol',
  SOCIAL_MEDIA: 'Social media',
  JUVENILE_LAW: 'Juvenile law',
  PERSONAL_SAFETY: 'Personal safety',
  BULLYING: 'Bullying',
  TRAFFIC_SAFETY: 'Traffic safety',
  OTHER: 'Other',
});

export const roles = choices({ ADMIN: 'District administrator', AGENCY_CHIEF: 'Agency chief', ANALYST: 'Analyst', OFFICER: 'Officer' });

/** The label of an enum value, for tables and charts. */
export function labelOf(list: Choice[], id: string | null | undefined): string {
  if (!id) return '';
  return list.find((choice) => choice.id === id)?.name ?? id;
}

/** "Sgt. Delaney, Marcus — Harlow Falls Police Department": how an officer is named in pickers. */
export function officerLabel(
  officer: { firstName?: string; lastName?: string; rank?: string; agency?: { name?: string } | null } | undefined,
): string {
  if (!officer) return '';
  const rank = labelOf(officerRanks, officer.rank);
  const agency = officer.agency?.name ? ` — ${officer.agency.name}` : '';
  return `${officer.lastName}, ${officer.firstName} (${rank})${agency}`;
}

/** "Assignment of Lauren Pike at Juniper Valley High": an assignment named by what it is, in titles and toasts. */
export function assignmentLabel(assignment: {
  id?: unknown;
  officer?: { firstName?: string; lastName?: string } | null;
  school?: { name?: string } | null;
}): string {
  if (!assignment.officer || !assignment.school) return `Assignment #${String(assignment.id ?? '')}`;
  return `Assignment of ${assignment.officer.firstName} ${assignment.officer.lastName} at ${assignment.school.name}`;
}

/** "Mentoring on Mon, Sep 14, 2026": an activity named by its category and date. */
export function activityLabel(activity: { category?: string; date?: string }): string {
  return `${labelOf(activityCategories, activity.category) || 'Activity'} on ${formatDate(activity.date)}`;
}
