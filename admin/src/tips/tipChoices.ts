import type { Choice } from '../choices';

const choices = (entries: Record<string, string>): Choice[] => Object.entries(entries).map(([id, name]) => ({ id, name }));

export const tipSources = choices({
  SAFE2TELL: 'Safe2Tell',
  P3: 'P3',
  STOPIT: 'STOPit',
  SAY_SOMETHING: 'Say Something',
  PHONE: 'Phone',
  IN_PERSON: 'In person',
  OTHER: 'Other',
});

export const tipCategories = choices({
  BULLYING: 'Bullying',
  CYBERBULLYING: 'Cyberbullying',
  SUICIDE_THREAT: 'Suicide threat',
  SELF_HARM: 'Self-harm',
  DRUGS: 'Drugs',
  ALCOHOL: 'Alcohol',
  WEAPONS: 'Weapons',
  PLANNED_SCHOOL_ATTACK: 'Planned school attack',
  THREATS: 'Threats',
  FIGHTING: 'Fighting',
  CHILD_ABUSE: 'Child abuse',
  DATING_VIOLENCE: 'Dating violence',
  SEXTING: 'Sexting',
  HARASSMENT: 'Harassment',
  VANDALISM: 'Vandalism',
  OTHER: 'Other',
});

export const tipStatuses = choices({ RECEIVED: 'Received', ASSIGNED: 'Assigned', IN_PROGRESS: 'In progress', CLOSED: 'Closed' });

export const tipDispositions = choices({
  RESOLVED: 'Resolved',
  REFERRED_TO_SCHOOL: 'Referred to the school',
  REFERRED_TO_SERVICES: 'Referred to services',
  LAW_ENFORCEMENT_ACTION: 'Law-enforcement action',
  UNFOUNDED: 'Unfounded',
  PRANK: 'Prank',
  DUPLICATE: 'Duplicate',
  INFORMATION_ONLY: 'Information only',
});

export const tipStepKinds = choices({
  CONTACT_MADE: 'Contact made',
  WELFARE_CHECK: 'Welfare check',
  PARENT_CONTACTED: 'Parent contacted',
  REFERRAL: 'Referral',
  CLOSED: 'Closed',
});

/** The longest free text the server takes in any tip field. */
export const TIP_TEXT_MAX = 200;

/** "12 min", "3 h 5 min", "2 d 4 h": how long ago, for the queue's live age column. */
export function age(from: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - new Date(from).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
