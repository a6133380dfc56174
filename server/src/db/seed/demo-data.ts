/**
 * The invented content of the demo program: a county district of about 13,000 students in 29 schools, served by
 * twelve SROs from five agencies. Every person, place, school and identifier here is fictional; the state code in
 * ORIs and addresses only gives them a valid format. Dates are relative (to the current program year or to
 * today) so that the demo always looks current.
 */
import { ActivityCategory, InstructionTopic } from '../../modules/activity/activity.entity';
import { AgencyKind } from '../../modules/agency/agency.entity';
import { AssignmentRole } from '../../modules/assignment/assignment.entity';
import { OfficerRank } from '../../modules/officer/officer.entity';
import { SchoolLevel, SchoolLocale } from '../../modules/school/school.entity';

/** A date counted from the first day of the current program year or from today: years first, then days. */
export interface RelativeDate {
  from: 'programYear' | 'today';
  years?: number;
  days?: number;
}

export interface DemoAgency {
  key: string;
  name: string;
  kind: AgencyKind;
  ori: string;
  chiefName: string;
  phone: string;
  email: string;
  address: string;
  /** Domain of the officers' work e-mail addresses. */
  emailDomain: string;
}

export interface DemoOfficer {
  key: string;
  agency: string;
  firstName: string;
  lastName: string;
  badgeNumber: string;
  rank: OfficerRank;
  phone: string;
  sroSince: RelativeDate;
  sroTrainingCompletedOn: RelativeDate | null;
  /** On leave: an open absence (reason LEAVE) from the day after its assignments ended. */
  onLeave?: boolean;
  notes?: string;
}

export interface DemoSchool {
  key: string;
  name: string;
  level: SchoolLevel;
  locale: SchoolLocale;
  enrollment: number;
  principalName: string;
  address: string;
  phone: string;
}

export interface DemoAssignment {
  officer: string;
  school: string;
  role: AssignmentRole;
  fte: number;
  start: RelativeDate;
  end: RelativeDate | null;
  notes?: string;
}

// The district's invented NCES agency number; each school adds its own five digits.
const NCES_DISTRICT = '3999041';

export function ncesId(schoolNumber: number): string {
  return NCES_DISTRICT + String(schoolNumber).padStart(5, '0');
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    key: 'city',
    name: 'Harlow Falls Police Department',
    kind: AgencyKind.MUNICIPAL_POLICE,
    ori: 'OH0940100',
    chiefName: 'Chief Helen Marquardt',
    phone: '555-0100',
    email: 'records@harlowfallspd.example',
    address: '200 Courthouse Square, Harlow Falls, OH 45790',
    emailDomain: 'harlowfallspd.example',
  },
  {
    key: 'sheriff',
    name: "Juniper County Sheriff's Office",
    kind: AgencyKind.COUNTY_SHERIFF,
    ori: 'OH0940000',
    chiefName: 'Sheriff Wade Tolliver',
    phone: '555-0101',
    email: 'dispatch@junipercountysheriff.example',
    address: '45 Justice Way, Harlow Falls, OH 45790',
    emailDomain: 'junipercountysheriff.example',
  },
  {
    key: 'town',
    name: 'Willow Bend Police Department',
    kind: AgencyKind.MUNICIPAL_POLICE,
    ori: 'OH0940200',
    chiefName: 'Chief Ronald Estabrook',
    phone: '555-0102',
    email: 'police@willowbend.example',
    address: '12 Depot Street, Willow Bend, OH 45793',
    emailDomain: 'willowbend.example',
  },
  {
    key: 'neighbour',
    name: 'Kestrel Ridge Police Department',
    kind: AgencyKind.MUNICIPAL_POLICE,
    ori: 'OH0940300',
    chiefName: 'Chief Maria Delgado',
    phone: '555-0103',
    email: 'police@kestrelridge.example',
    address: '900 Ridge Road, Kestrel Ridge, OH 45792',
    emailDomain: 'kestrelridge.example',
  },
  {
    key: 'state',
    name: 'State Highway Patrol, Juniper Post',
    kind: AgencyKind.STATE_PATROL,
    ori: 'OH094HP00',
    chiefName: 'Lieutenant Gregory Pham, Post Commander',
    phone: '555-0104',
    email: 'juniper.post@highwaypatrol.example',
    address: '3100 State Route 9, Harlow Falls, OH 45790',
    emailDomain: 'highwaypatrol.example',
  },
];

export const DEMO_OFFICERS: DemoOfficer[] = [
  {
    key: 'delaney',
    agency: 'city',
    firstName: 'Marcus',
    lastName: 'Delaney',
    badgeNumber: '1184',
    rank: OfficerRank.SERGEANT,
    phone: '555-0110',
    sroSince: { from: 'programYear', years: -9, days: 45 },
    sroTrainingCompletedOn: { from: 'programYear', years: -9, days: 20 },
    notes: 'Supervises the SRO unit.',
  },
  {
    key: 'marsh',
    agency: 'city',
    firstName: 'Elena',
    lastName: 'Marsh',
    badgeNumber: '1402',
    rank: OfficerRank.CORPORAL,
    phone: '555-0111',
    sroSince: { from: 'programYear', years: -6, days: 40 },
    sroTrainingCompletedOn: { from: 'programYear', years: -6, days: 15 },
  },
  {
    key: 'brandt',
    agency: 'city',
    firstName: 'Tyler',
    lastName: 'Brandt',
    badgeNumber: '1527',
    rank: OfficerRank.OFFICER,
    phone: '555-0112',
    sroSince: { from: 'programYear', years: -3, days: 40 },
    sroTrainingCompletedOn: { from: 'programYear', years: -3, days: 10 },
  },
  {
    key: 'raman',
    agency: 'city',
    firstName: 'Priya',
    lastName: 'Raman',
    badgeNumber: '1610',
    rank: OfficerRank.OFFICER,
    phone: '555-0113',
    sroSince: { from: 'programYear', years: -2, days: 40 },
    sroTrainingCompletedOn: { from: 'programYear', years: -2, days: 12 },
  },
  {
    key: 'whitfield',
    agency: 'city',
    firstName: 'Jordan',
    lastName: 'Whitfield',
    badgeNumber: '1733',
    rank: OfficerRank.OFFICER,
    phone: '555-0114',
    sroSince: { from: 'programYear', days: 0 },
    sroTrainingCompletedOn: { from: 'programYear', days: 25 },
    notes: 'New to the SRO unit this program year.',
  },
  {
    key: 'kowalczyk',
    agency: 'city',
    firstName: 'Dana',
    lastName: 'Kowalczyk',
    badgeNumber: '1459',
    rank: OfficerRank.OFFICER,
    phone: '555-0115',
    sroSince: { from: 'programYear', years: -4, days: 40 },
    sroTrainingCompletedOn: { from: 'programYear', years: -4, days: 15 },
    onLeave: true,
    notes: 'On extended leave; school assignments ended when the leave began.',
  },
  {
    key: 'castellanos',
    agency: 'sheriff',
    firstName: 'Ray',
    lastName: 'Castellanos',
    badgeNumber: 'S-214',
    rank: OfficerRank.DEPUTY,
    phone: '555-0120',
    sroSince: { from: 'programYear', years: -7, days: 40 },
    sroTrainingCompletedOn: { from: 'programYear', years: -7, days: 18 },
  },
  {
    key: 'lindqvist',
    agency: 'sheriff',
    firstName: 'Amber',
    lastName: 'Lindqvist',
    badgeNumber: 'S-237',
    rank: OfficerRank.DEPUTY,
    phone: '555-0121',
    sroSince: { from: 'programYear', years: -3, days: 40 },
    sroTrainingCompletedOn: { from: 'programYear', years: -3, days: 14 },
  },
  {
    key: 'harmon',
    agency: 'sheriff',
    firstName: 'Colt',
    lastName: 'Harmon',
    badgeNumber: 'S-251',
    rank: OfficerRank.DEPUTY,
    phone: '555-0122',
    sroSince: { from: 'programYear', years: -2, days: 40 },
    sroTrainingCompletedOn: { from: 'programYear', years: -2, days: 16 },
  },
  {
    key: 'albright',
    agency: 'town',
    firstName: 'Grace',
    lastName: 'Albright',
    badgeNumber: '12',
    rank: OfficerRank.CORPORAL,
    phone: '555-0130',
    sroSince: { from: 'programYear', years: -5, days: 40 },
    sroTrainingCompletedOn: { from: 'programYear', years: -5, days: 20 },
  },
  {
    key: 'ortega',
    agency: 'neighbour',
    firstName: 'Samuel',
    lastName: 'Ortega',
    badgeNumber: '208',
    rank: OfficerRank.OFFICER,
    phone: '555-0140',
    sroSince: { from: 'programYear', years: -2, days: 40 },
    sroTrainingCompletedOn: { from: 'programYear', years: -2, days: 22 },
    notes: 'Available to assist; not assigned this program year.',
  },
  {
    key: 'pike',
    agency: 'state',
    firstName: 'Lauren',
    lastName: 'Pike',
    badgeNumber: '3316',
    rank: OfficerRank.TROOPER,
    phone: '555-0150',
    sroSince: { from: 'programYear', years: -1, days: 45 },
    // Assisting trooper: has not taken SRO basic training.
    sroTrainingCompletedOn: null,
  },
];

/** [key, name, level, locale, enrollment, principal, street address, town]: kept compact, one school a line. */
type SchoolLine = [string, string, SchoolLevel, SchoolLocale, number, string, string, string];

const { ELEMENTARY, MIDDLE, JUNIOR_HIGH, HIGH, K12, ALTERNATIVE } = SchoolLevel;
const { CITY, SUBURB, TOWN, RURAL } = SchoolLocale;

const TOWN_ZIP: Record<string, string> = {
  'Harlow Falls': '45790',
  'Kestrel Ridge': '45792',
  'Willow Bend': '45793',
  'Cotter Creek': '45796',
  'Sable Prairie': '45797',
};

const SCHOOL_LINES: SchoolLine[] = [
  // Harlow Falls, the county seat.
  ['harlowHigh', 'Harlow Falls High School', HIGH, CITY, 1_720, 'Dr. Angela Whitcomb', '1500 Falls Parkway', 'Harlow Falls'],
  ['harlowJunior', 'Harlow Falls Junior High School', JUNIOR_HIGH, CITY, 780, 'Kevin Stroud', '820 North Fifth Street', 'Harlow Falls'],
  ['millrace', 'Millrace Middle School', MIDDLE, CITY, 610, 'Denise Arbogast', '310 Millrace Road', 'Harlow Falls'],
  ['foundry', 'Foundry Street Academy', ALTERNATIVE, CITY, 115, 'Curtis Vandermeer', '77 Foundry Street', 'Harlow Falls'],
  ['ashgrove', 'Ashgrove Elementary School', ELEMENTARY, CITY, 352, 'Monica Feld', '1120 Ashgrove Avenue', 'Harlow Falls'],
  ['beaconHill', 'Beacon Hill Elementary School', ELEMENTARY, CITY, 284, 'Harold Quint', '45 Beacon Hill Road', 'Harlow Falls'],
  ['copperleaf', 'Copperleaf Elementary School', ELEMENTARY, CITY, 398, 'Tanya Morrow', '600 Copperleaf Drive', 'Harlow Falls'],
  ['fennel', 'Fennel Street Elementary School', ELEMENTARY, CITY, 226, 'Luis Abernathy', '19 Fennel Street', 'Harlow Falls'],
  ['granary', 'Granary Park Elementary School', ELEMENTARY, CITY, 305, 'Rebecca Osei', '250 Granary Park Lane', 'Harlow Falls'],
  ['larkspur', 'Larkspur Elementary School', ELEMENTARY, CITY, 262, 'Janet Holloway', '930 Larkspur Way', 'Harlow Falls'],
  ['oldMill', 'Old Mill Elementary School', ELEMENTARY, CITY, 214, 'Gordon Pruitt', '5 Old Mill Road', 'Harlow Falls'],
  ['tannerCreek', 'Tanner Creek Elementary School', ELEMENTARY, CITY, 331, 'Sandra Yoakum', '1410 Tanner Creek Boulevard', 'Harlow Falls'],
  ['wrenfield', 'Wrenfield Elementary School', ELEMENTARY, CITY, 249, 'Omar Castell', '88 Wrenfield Court', 'Harlow Falls'],
  // The suburbs between Harlow Falls and Kestrel Ridge.
  ['juniperHigh', 'Juniper Valley High School', HIGH, SUBURB, 1_380, 'Dr. Philip Garrity', '4000 Valley View Road', 'Kestrel Ridge'],
  ['northgate', 'Northgate Middle School', MIDDLE, SUBURB, 690, 'Lorraine Becker', '2200 Northgate Drive', 'Kestrel Ridge'],
  ['bramblewood', 'Bramblewood Elementary School', ELEMENTARY, SUBURB, 418, 'Nadia Sorensen', '310 Bramblewood Lane', 'Kestrel Ridge'],
  ['heronPoint', 'Heron Point Elementary School', ELEMENTARY, SUBURB, 366, 'Frank Iverson', '75 Heron Point Road', 'Kestrel Ridge'],
  ['kestrelRidge', 'Kestrel Ridge Elementary School', ELEMENTARY, SUBURB, 317, 'Yvonne Tate', '1010 Ridge Road', 'Kestrel Ridge'],
  ['quailbrook', 'Quailbrook Elementary School', ELEMENTARY, SUBURB, 389, 'Howard Lunsford', '560 Quailbrook Circle', 'Kestrel Ridge'],
  ['sweetwater', 'Sweetwater Meadows Elementary School', ELEMENTARY, SUBURB, 276, 'Carla Mendez', '42 Sweetwater Trail', 'Kestrel Ridge'],
  ['thistledown', 'Thistledown Elementary School', ELEMENTARY, SUBURB, 338, 'Bernard Okonkwo', '700 Thistledown Avenue', 'Kestrel Ridge'],
  // Willow Bend, a small town.
  ['willowHigh', 'Willow Bend High School', HIGH, TOWN, 1_200, 'Theresa Calloway', '1 Eagle Drive', 'Willow Bend'],
  ['willowJunior', 'Willow Bend Junior High School', JUNIOR_HIGH, TOWN, 520, 'Scott Lindgren', '150 School Street', 'Willow Bend'],
  ['depotStreet', 'Depot Street Elementary School', ELEMENTARY, TOWN, 263, 'Alice Pennington', '300 Depot Street', 'Willow Bend'],
  ['lanternHill', 'Lantern Hill Elementary School', ELEMENTARY, TOWN, 222, 'Marvin Keel', '18 Lantern Hill Road', 'Willow Bend'],
  ['orchardLane', 'Orchard Lane Elementary School', ELEMENTARY, TOWN, 207, 'Ruth Abbington', '640 Orchard Lane', 'Willow Bend'],
  // The rural east of the county, served by the sheriff's office.
  ['cotterCreek', 'Cotter Creek K-12 School', K12, RURAL, 372, 'Wayne Dettmer', '9800 County Road 14', 'Cotter Creek'],
  ['sablePrairie', 'Sable Prairie Elementary School', ELEMENTARY, RURAL, 204, 'Irene Gallo', '2750 Prairie Line Road', 'Sable Prairie'],
  ['dunmore', 'Dunmore Crossing Elementary School', ELEMENTARY, RURAL, 212, 'Glen Hatcher', '11 Dunmore Crossing', 'Cotter Creek'],
];

export const DEMO_SCHOOLS: DemoSchool[] = SCHOOL_LINES.map(
  ([key, name, level, locale, enrollment, principalName, street, town], index) => ({
    key,
    name,
    level,
    locale,
    enrollment,
    principalName,
    address: `${street}, ${town}, OH ${TOWN_ZIP[town]}`,
    phone: `555-01${String(60 + index).padStart(2, '0')}`,
  }),
);

const { PRIMARY, SECONDARY, BACKUP } = AssignmentRole;
const longAgo = (years: number): RelativeDate => ({ from: 'programYear', years: -years });
const programYearStart: RelativeDate = { from: 'programYear' };
const lastProgramYearEnd: RelativeDate = { from: 'programYear', days: -1 };

/**
 * Who serves which school. Each officer holds at most one PRIMARY at a time and never more than 1.00 FTE on a
 * day, as the database requires. On today: 9 schools COVERED (every rural school by a deputy), a few PARTIAL,
 * most elementary schools UNCOVERED.
 */
export const DEMO_ASSIGNMENTS: DemoAssignment[] = [
  { officer: 'delaney', school: 'harlowHigh', role: PRIMARY, fte: 0.7, start: longAgo(6), end: null },
  { officer: 'delaney', school: 'millrace', role: BACKUP, fte: 0.1, start: longAgo(2), end: null },
  // Moved from the middle school to the high school when the program year began.
  { officer: 'marsh', school: 'northgate', role: PRIMARY, fte: 1, start: longAgo(4), end: lastProgramYearEnd },
  { officer: 'marsh', school: 'juniperHigh', role: PRIMARY, fte: 1, start: programYearStart, end: null },
  { officer: 'brandt', school: 'harlowJunior', role: PRIMARY, fte: 1, start: longAgo(3), end: null },
  // Split evenly between two schools.
  { officer: 'raman', school: 'foundry', role: PRIMARY, fte: 0.5, start: longAgo(2), end: null },
  { officer: 'raman', school: 'millrace', role: SECONDARY, fte: 0.5, start: longAgo(2), end: null },
  { officer: 'whitfield', school: 'northgate', role: PRIMARY, fte: 0.6, start: programYearStart, end: null },
  {
    officer: 'whitfield',
    school: 'bramblewood',
    role: SECONDARY,
    fte: 0.2,
    start: programYearStart,
    end: null,
    notes: 'Weekly elementary visits.',
  },
  {
    officer: 'whitfield',
    school: 'heronPoint',
    role: SECONDARY,
    fte: 0.2,
    start: programYearStart,
    end: null,
    notes: 'Weekly elementary visits.',
  },
  // Ended when the officer went on leave; the two elementary schools are uncovered since.
  {
    officer: 'kowalczyk',
    school: 'ashgrove',
    role: PRIMARY,
    fte: 0.5,
    start: longAgo(3),
    end: { from: 'today', days: -25 },
    notes: 'Ended: officer on leave.',
  },
  {
    officer: 'kowalczyk',
    school: 'copperleaf',
    role: SECONDARY,
    fte: 0.5,
    start: longAgo(3),
    end: { from: 'today', days: -25 },
    notes: 'Ended: officer on leave.',
  },
  { officer: 'castellanos', school: 'cotterCreek', role: PRIMARY, fte: 0.8, start: longAgo(5), end: null },
  { officer: 'castellanos', school: 'sablePrairie', role: SECONDARY, fte: 0.2, start: longAgo(5), end: null },
  { officer: 'lindqvist', school: 'sablePrairie', role: PRIMARY, fte: 0.5, start: longAgo(3), end: null },
  { officer: 'lindqvist', school: 'orchardLane', role: SECONDARY, fte: 0.5, start: longAgo(3), end: null },
  { officer: 'harmon', school: 'dunmore', role: PRIMARY, fte: 0.6, start: longAgo(2), end: null },
  { officer: 'harmon', school: 'willowJunior', role: SECONDARY, fte: 0.4, start: longAgo(2), end: null },
  { officer: 'albright', school: 'willowHigh', role: PRIMARY, fte: 0.6, start: longAgo(4), end: null },
  { officer: 'albright', school: 'willowJunior', role: SECONDARY, fte: 0.4, start: longAgo(4), end: null },
  // The neighbouring town's officer assisted until last program year and is unassigned now.
  { officer: 'ortega', school: 'juniperHigh', role: SECONDARY, fte: 0.5, start: longAgo(2), end: lastProgramYearEnd },
  { officer: 'ortega', school: 'northgate', role: BACKUP, fte: 0.2, start: longAgo(2), end: lastProgramYearEnd },
  // The state patrol assists with small shares; the driver-safety series ends within the month.
  {
    officer: 'pike',
    school: 'juniperHigh',
    role: SECONDARY,
    fte: 0.2,
    start: programYearStart,
    end: { from: 'today', days: 18 },
    notes: 'Teen driver safety series.',
  },
  { officer: 'pike', school: 'cotterCreek', role: BACKUP, fte: 0.1, start: longAgo(1), end: null },
];

/** Relative frequency of each category, by the kind of school; TRAINING is district-wide (no school). */
export type LevelGroup = 'elementary' | 'middle' | 'high';

export function levelGroup(level: SchoolLevel): LevelGroup {
  if (level === SchoolLevel.ELEMENTARY) return 'elementary';
  if (level === SchoolLevel.MIDDLE || level === SchoolLevel.JUNIOR_HIGH) return 'middle';
  return 'high';
}

type Weights<T extends string> = [T, number][];

const C = ActivityCategory;
export const CATEGORY_WEIGHTS: Record<LevelGroup, Weights<ActivityCategory>> = {
  elementary: [
    [C.VISIBILITY_PATROL, 26],
    [C.MENTORING, 18],
    [C.CLASSROOM_INSTRUCTION, 18],
    [C.STAFF_PARENT_MEETING, 9],
    [C.CASS_PROGRAM, 5],
    [C.TIP_FOLLOW_UP, 3],
    [C.EMERGENCY_DRILL, 2],
    [C.THREAT_ASSESSMENT, 1],
    [C.LAW_ENFORCEMENT_RESPONSE, 1],
    [C.EXTRACURRICULAR_EVENT, 3],
    [C.TRAINING, 3],
    [C.OTHER, 3],
  ],
  middle: [
    [C.VISIBILITY_PATROL, 26],
    [C.MENTORING, 20],
    [C.CLASSROOM_INSTRUCTION, 12],
    [C.STAFF_PARENT_MEETING, 8],
    [C.CASS_PROGRAM, 6],
    [C.TIP_FOLLOW_UP, 6],
    [C.EMERGENCY_DRILL, 2],
    [C.THREAT_ASSESSMENT, 3],
    [C.LAW_ENFORCEMENT_RESPONSE, 4],
    [C.EXTRACURRICULAR_EVENT, 4],
    [C.TRAINING, 3],
    [C.OTHER, 3],
  ],
  high: [
    [C.VISIBILITY_PATROL, 27],
    [C.MENTORING, 17],
    [C.CLASSROOM_INSTRUCTION, 10],
    [C.STAFF_PARENT_MEETING, 7],
    [C.CASS_PROGRAM, 5],
    [C.TIP_FOLLOW_UP, 7],
    [C.EMERGENCY_DRILL, 2],
    [C.THREAT_ASSESSMENT, 3],
    [C.LAW_ENFORCEMENT_RESPONSE, 7],
    [C.EXTRACURRICULAR_EVENT, 7],
    [C.TRAINING, 3],
    [C.OTHER, 3],
  ],
};

const T = InstructionTopic;
export const TOPIC_WEIGHTS: Record<LevelGroup, Weights<InstructionTopic>> = {
  elementary: [
    [T.PERSONAL_SAFETY, 35],
    [T.BULLYING, 30],
    [T.SOCIAL_MEDIA, 12],
    [T.TRAFFIC_SAFETY, 10],
    [T.OTHER, 13],
  ],
  middle: [
    [T.SOCIAL_MEDIA, 30],
    [T.BULLYING, 20],
    [T.DRUGS_ALCOHOL, 20],
    [T.JUVENILE_LAW, 15],
    [T.PERSONAL_SAFETY, 10],
    [T.OTHER, 5],
  ],
  high: [
    [T.DRUGS_ALCOHOL, 26],
    [T.SOCIAL_MEDIA, 22],
    [T.JUVENILE_LAW, 20],
    [T.TRAFFIC_SAFETY, 17],
    [T.PERSONAL_SAFETY, 8],
    [T.OTHER, 7],
  ],
};

/** Short generic notes. None names or describes a student: the program forbids it. */
export const CATEGORY_NOTES: Record<ActivityCategory, string[]> = {
  [C.VISIBILITY_PATROL]: [
    'Morning arrival and drop-off loop.',
    'Lunch periods and commons.',
    'Dismissal and bus loading.',
    'Hallway presence between classes.',
    'Parking lot and perimeter check.',
  ],
  [C.MENTORING]: [
    'Weekly check-in with mentoring group.',
    'Lunch with a small mentoring group.',
    'Check-in requested by the counselor.',
    'Goal-setting session.',
  ],
  [C.CLASSROOM_INSTRUCTION]: ['Taught with the classroom teacher.', 'District-approved lesson plan.', 'Questions answered after class.'],
  [C.CASS_PROGRAM]: ['CASS group session.', 'CASS attendance and grades check-in.', 'CASS family night.'],
  [C.SAFETY_AUDIT]: [
    'Quarterly facility audit; findings sent to the principal.',
    'Checked exterior doors, cameras and visitor entry.',
    'Reviewed the reunification plan with administration.',
  ],
  [C.TIP_FOLLOW_UP]: [
    'Anonymous tip followed up with administration.',
    'Tip reviewed with the counselor; no further action.',
    "Tip referred to the school's threat assessment team.",
  ],
  [C.EMERGENCY_DRILL]: ['Lockdown drill.', 'Evacuation drill.', 'Shelter-in-place drill.', 'Reverse evacuation drill.'],
  [C.THREAT_ASSESSMENT]: ['Threat assessment team meeting.', 'Safety plan reviewed with the team.'],
  [C.STAFF_PARENT_MEETING]: [
    'Meeting with administration.',
    'Parent meeting with the assistant principal.',
    'Staff briefing on visitor procedures.',
    'Attendance team meeting.',
  ],
  [C.LAW_ENFORCEMENT_RESPONSE]: [
    'Disturbance on campus; resolved with administration.',
    'Traffic complaint at the drop-off loop.',
    "Report taken; filed in the agency's records system.",
    'Welfare check requested by staff.',
  ],
  [C.EXTRACURRICULAR_EVENT]: ['Evening athletic event.', 'School dance.', 'Concert or performance.', 'Family night.'],
  [C.TRAINING]: [
    'Annual in-service training.',
    'Active-threat response training.',
    'Crisis intervention training.',
    'Youth mental health first aid.',
  ],
  [C.OTHER]: ['Administrative work and reports.', 'Helped with a school event.', 'Community meeting.'],
};
