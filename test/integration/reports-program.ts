import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../server/src/common/actor';
import { addDays } from '../../server/src/common/dates';
import { Activity, ActivityCategory, InstructionTopic } from '../../server/src/modules/activity/activity.entity';
import { AgencyKind, type Agency } from '../../server/src/modules/agency/agency.entity';
import { AssignmentRole } from '../../server/src/modules/assignment/assignment.entity';
import { OfficerRank, OfficerStatus, type Officer } from '../../server/src/modules/officer/officer.entity';
import { SchoolLevel, SchoolLocale, type School } from '../../server/src/modules/school/school.entity';
import type { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

/** The report date of the generated program: a leap day. */
export const DAY = '2028-02-29';

/** A small program built for one test file: agencies, officers, schools, assignments, activities and users. */
export interface Program {
  tag: string;
  agencies: Record<'alder' | 'birch' | 'cedar' | 'dormant', Agency>;
  officers: Record<'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'b1' | 'b2' | 'b3' | 'c1' | 'd1', Officer>;
  schools: Record<'aspen' | 'beech' | 'chestnut' | 'dogwood' | 'elm' | 'fir' | 'formula' | 'ginkgo', School>;
  tokens: Record<'admin' | 'analyst' | 'chiefAlder' | 'chiefBirch' | 'officerA1' | 'officerB2', string>;
}

/** A small deterministic random generator (mulberry32), so that every run builds the same activities. */
export function randomGenerator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

async function setColumn(
  em: EntityManager,
  table: 'officer' | 'school' | 'agency',
  id: number,
  column: 'status' | 'active',
  value: string | boolean,
) {
  await em.execute(`update "${table}" set "${column}" = ? where id = ?`, [value, id]);
}

/**
 * Builds the program. Around the leap day DAY: assignments open-ended, starting on DAY, ending on DAY, ending the
 * day before, starting the day after, ending 10, 30 and 31 days later; a school deactivated after its assignment;
 * an officer on leave with an assignment; names a spreadsheet would run as formulas. Activities from June 2027 to
 * June 2028 with nothing in December 2027 and several on DAY.
 */
export async function buildProgram(app: TestApp, activitiesPerOfficer = 40): Promise<Program> {
  const factory = new Factory(app.orm);
  const tag = unique('Rpt').replace(/[^\w-]/g, '');
  const agencies = {
    alder: await factory.agency({ name: `${tag} Alder Police` }),
    birch: await factory.agency({ name: `${tag} Birch Sheriff`, kind: AgencyKind.COUNTY_SHERIFF }),
    cedar: await factory.agency({ name: `${tag} Cedar Patrol`, kind: AgencyKind.STATE_PATROL }),
    dormant: await factory.agency({ name: `${tag} Dormant Police` }),
  };
  const officer = (agency: Agency, lastName: string, values: Partial<Officer> = {}) =>
    factory.officer(agency, { lastName: `${tag} ${lastName}`, ...values });
  const officers = {
    a1: await officer(agencies.alder, 'Adams', { rank: OfficerRank.SERGEANT }),
    a2: await officer(agencies.alder, 'Baker'),
    a3: await officer(agencies.alder, 'Clark'),
    a4: await officer(agencies.alder, 'Davis'),
    // Names a spreadsheet would read as formulas.
    a5: await factory.officer(agencies.alder, { firstName: '-Dash', lastName: `@Risky ${tag}` }),
    b1: await officer(agencies.birch, 'Evans', { rank: OfficerRank.DEPUTY }),
    b2: await officer(agencies.birch, 'Foster', { rank: OfficerRank.DEPUTY }),
    b3: await officer(agencies.birch, 'Garcia', { rank: OfficerRank.DEPUTY }),
    c1: await officer(agencies.cedar, 'Hughes', { rank: OfficerRank.TROOPER }),
    d1: await officer(agencies.dormant, 'Irwin', { status: OfficerStatus.INACTIVE }),
  };
  const school = (name: string, level: SchoolLevel, locale: SchoolLocale, enrollment: number) =>
    factory.school({ name, level, locale, enrollment });
  const schools = {
    aspen: await school(`${tag} Aspen High`, SchoolLevel.HIGH, SchoolLocale.CITY, 1500),
    beech: await school(`${tag} Beech Middle`, SchoolLevel.MIDDLE, SchoolLocale.SUBURB, 700),
    chestnut: await school(`${tag} Chestnut Elementary`, SchoolLevel.ELEMENTARY, SchoolLocale.RURAL, 300),
    dogwood: await school(`${tag} Dogwood Elementary`, SchoolLevel.ELEMENTARY, SchoolLocale.CITY, 450),
    elm: await school(`${tag} Elm Junior High`, SchoolLevel.JUNIOR_HIGH, SchoolLocale.TOWN, 650),
    fir: await school(`${tag} Fir Alternative`, SchoolLevel.ALTERNATIVE, SchoolLocale.CITY, 120),
    formula: await school(`=SUM(1+2) "${tag}", Annex`, SchoolLevel.ELEMENTARY, SchoolLocale.RURAL, 210),
    ginkgo: await school(`${tag} Ginkgo\nCampus`, SchoolLevel.HIGH, SchoolLocale.SUBURB, 1300),
  };
  const { PRIMARY, SECONDARY, BACKUP } = AssignmentRole;
  const assign = (who: Officer, where: School, role: AssignmentRole, fte: number, startDate: string, endDate: string | null) =>
    factory.assignment(who, where, { role, fte, startDate, endDate });
  await assign(officers.a1, schools.aspen, PRIMARY, 1, '2027-08-01', null);
  await assign(officers.a2, schools.beech, PRIMARY, 0.5, DAY, null);
  await assign(officers.a2, schools.chestnut, SECONDARY, 0.5, '2027-08-01', DAY);
  await assign(officers.b1, schools.chestnut, PRIMARY, 0.6, '2027-08-01', addDays(DAY, -1));
  await assign(officers.b1, schools.elm, PRIMARY, 0.4, addDays(DAY, 1), null);
  await assign(officers.b2, schools.elm, BACKUP, 0.3, '2027-09-01', addDays(DAY, 10));
  await assign(officers.b2, schools.chestnut, BACKUP, 0.25, '2027-09-01', addDays(DAY, 30));
  await assign(officers.b2, schools.beech, SECONDARY, 0.2, '2027-09-01', addDays(DAY, 31));
  await assign(officers.a3, schools.elm, SECONDARY, 0.5, '2027-08-01', null);
  await assign(officers.c1, schools.fir, PRIMARY, 1, '2027-08-01', null);
  await assign(officers.a5, schools.formula, PRIMARY, 0.8, '2027-01-01', null);
  await assign(officers.b3, schools.ginkgo, PRIMARY, 1, '2027-08-01', '2027-12-31');

  // Changes after the fact, which new assignments would not allow.
  const em = app.orm.em.fork();
  await setColumn(em, 'officer', officers.a3.id, 'status', OfficerStatus.ON_LEAVE);
  await setColumn(em, 'officer', officers.b3.id, 'status', OfficerStatus.INACTIVE);
  await setColumn(em, 'school', schools.fir.id, 'active', false);
  await setColumn(em, 'agency', agencies.cedar.id, 'active', false);
  await setColumn(em, 'agency', agencies.dormant.id, 'active', false);

  await addActivities(app, officers, schools, activitiesPerOfficer);

  const tokens = {
    admin: (await factory.user(Role.ADMIN)).token,
    analyst: (await factory.user(Role.ANALYST)).token,
    chiefAlder: (await factory.user(Role.AGENCY_CHIEF, { agency: agencies.alder })).token,
    chiefBirch: (await factory.user(Role.AGENCY_CHIEF, { agency: agencies.birch })).token,
    officerA1: (await factory.user(Role.OFFICER, { officer: officers.a1 })).token,
    officerB2: (await factory.user(Role.OFFICER, { officer: officers.b2 })).token,
  };
  return { tag, agencies, officers, schools, tokens };
}

const CATEGORIES = Object.values(ActivityCategory);
const TOPICS = Object.values(InstructionTopic);

/** Activities written straight to the database, in one flush: where each officer serves, or district-wide training. */
async function addActivities(app: TestApp, officers: Program['officers'], schools: Program['schools'], perOfficer: number): Promise<void> {
  const random = randomGenerator(20280229);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const workplaces: [Officer, School[]][] = [
    [officers.a1, [schools.aspen]],
    [officers.a2, [schools.beech, schools.chestnut]],
    [officers.a3, [schools.elm]],
    [officers.a5, [schools.formula]],
    [officers.b1, [schools.chestnut, schools.elm]],
    [officers.b2, [schools.elm, schools.chestnut, schools.beech]],
    [officers.b3, [schools.ginkgo]],
    [officers.c1, [schools.fir]],
  ];
  const em = app.orm.em.fork();
  for (const [who, places] of workplaces) {
    const dates = [DAY, DAY, ...Array.from({ length: perOfficer - 2 }, () => addDays('2027-06-01', Math.floor(random() * 396)))];
    for (const date of dates) {
      // December 2027 stays empty: an empty month inside the series and an empty period.
      if (date.startsWith('2027-12')) continue;
      const category = random() < 0.1 ? ActivityCategory.TRAINING : pick(CATEGORIES);
      const school = category === ActivityCategory.TRAINING && random() < 0.7 ? null : pick(places);
      em.create(Activity, {
        officer: who.id,
        school: school?.id ?? null,
        date,
        category,
        topic: category === ActivityCategory.CLASSROOM_INSTRUCTION ? pick(TOPICS) : null,
        durationMinutes: 15 + Math.floor(random() * 226),
        studentsReached: Math.floor(random() * 61),
        staffReached: Math.floor(random() * 11),
      } as never);
    }
  }
  await em.flush();
}
