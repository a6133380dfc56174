import { isoOf, toDay } from './dates.mjs';
import { FIRST_NAMES, LAST_NAME_ENDS, LAST_NAME_STARTS, LEVEL_NAMES, PLACE_ENDS, PLACE_STARTS, SCHOOL_SUFFIXES } from './names.mjs';
import { Random, WeightedTable } from './random.mjs';

/** The two sizes of program the generator loads. */
export const SCALES = {
  district: { agencies: 5, schools: 30, officers: 14, activities: 40_000, seed: 2026 },
  state: { agencies: 60, schools: 2_000, officers: 5_000, activities: 5_000_000, seed: 2026 },
};

/** Five program years of history (July to June), fixed so that every run loads the same rows. */
export const DATA_START = toDay('2021-07-01');
export const ACTIVITY_END = toDay('2026-06-30');

const LEVELS = { ELEMENTARY: 55, MIDDLE: 15, JUNIOR_HIGH: 5, HIGH: 17, K12: 3, ALTERNATIVE: 4, OTHER: 1 };
const ENROLLMENT = {
  ELEMENTARY: [200, 500],
  MIDDLE: [500, 900],
  JUNIOR_HIGH: [500, 900],
  HIGH: [1200, 2000],
  K12: [150, 600],
  ALTERNATIVE: [40, 250],
  OTHER: [100, 400],
};
const LOCALES = { CITY: 30, SUBURB: 30, TOWN: 15, RURAL: 25 };
const AGENCY_KINDS = { MUNICIPAL_POLICE: 52, COUNTY_SHERIFF: 40, SCHOOL_DISTRICT_POLICE: 5, TRIBAL_POLICE: 2, OTHER: 1 };
const RANKS = {
  MUNICIPAL_POLICE: { OFFICER: 80, CORPORAL: 8, SERGEANT: 9, LIEUTENANT: 3 },
  COUNTY_SHERIFF: { DEPUTY: 82, CORPORAL: 7, SERGEANT: 9, LIEUTENANT: 2 },
  STATE_PATROL: { TROOPER: 88, CORPORAL: 4, SERGEANT: 8 },
  SCHOOL_DISTRICT_POLICE: { OFFICER: 82, SERGEANT: 12, LIEUTENANT: 4, CHIEF: 2 },
  TRIBAL_POLICE: { OFFICER: 85, SERGEANT: 15 },
  OTHER: { OFFICER: 90, OTHER: 10 },
};
const STATUSES = { ACTIVE: 88, ON_LEAVE: 5, INACTIVE: 7 };
const PRIMARY_FTE = new WeightedTable({ 100: 40, 80: 20, 75: 10, 60: 15, 50: 15 });
// Where an officer's assignments change: a new program year (July) or a new semester (January).
const ERA_BOUNDARIES = [
  '2022-01-03',
  '2022-07-01',
  '2023-01-03',
  '2023-07-01',
  '2024-01-02',
  '2024-07-01',
  '2025-01-06',
  '2025-07-01',
  '2026-01-05',
].map(toDay);
const ERA_ENDINGS = { open: 80, '2026-12-18': 10, '2025-06-30': 10 };

/** Distinct names: `make()` is called until it gives one not given before. */
function uniqueNames(random, make) {
  const used = new Set();
  return () => {
    for (let attempt = 0; ; attempt++) {
      const name = make(attempt);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

const placeName = (random) => `${random.pick(PLACE_STARTS)}${random.pick(PLACE_ENDS)}`;

/** Splits `total` in proportion to `weights`, each part at least `minimum` (largest remainders first). */
function apportion(total, weights, minimum) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - minimum * weights.length;
  const exact = weights.map((weight) => minimum + (spare * weight) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => [value - Math.floor(value), index]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, index] of order) if (left-- > 0) parts[index]++;
  return parts;
}

function makeAgencies(random, count) {
  const name = uniqueNames(random, () => placeName(random));
  const agencies = [];
  for (let index = 0; index < count; index++) {
    // The first three are the program's backbone: a city department, a county sheriff and the state patrol.
    const kind = ['MUNICIPAL_POLICE', 'COUNTY_SHERIFF', 'STATE_PATROL'][index] ?? random.weighted(AGENCY_KINDS);
    const place = kind === 'STATE_PATROL' ? 'State' : name();
    const title = {
      MUNICIPAL_POLICE: `${place} Police Department`,
      COUNTY_SHERIFF: `${place} County Sheriff's Office`,
      STATE_PATROL: 'State Highway Patrol',
      SCHOOL_DISTRICT_POLICE: `${place} Unified School District Police`,
      TRIBAL_POLICE: `${place} Tribal Police Department`,
      OTHER: `${place} Public Safety Department`,
    }[kind];
    const domain = title
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '');
    agencies.push({
      id: index + 1,
      name: title,
      kind,
      ori: `ZZ${String(1000000 + index * 7919).slice(-7)}`,
      chiefName: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAME_STARTS)}${random.pick(LAST_NAME_ENDS)}`,
      phone: `555-01${String(index % 100).padStart(2, '0')}`,
      email: `sro@${domain}.example`,
      address: `${random.int(10, 9999)} ${random.pick(PLACE_STARTS)} Street`,
      domain,
      // A few large departments and many small ones (Zipf-like); the first city department is the largest.
      weight: 1 / Math.pow(index === 0 ? 1 : random.int(2, count + 1), 0.9),
    });
  }
  return agencies;
}

function makeSchools(random, count, agencies) {
  const name = uniqueNames(random, (attempt) => `${placeName(random)}${attempt > 20 ? random.pick(SCHOOL_SUFFIXES) : ''}`);
  const regionSizes = apportion(
    count,
    agencies.map((agency) => Math.pow(agency.weight, 0.8)),
    2,
  );
  const regions = regionSizes.flatMap((size, index) => Array(size).fill(index));
  return regions.map((region, index) => {
    const level = random.weighted(LEVELS);
    const [low, high] = ENROLLMENT[level];
    return {
      id: index + 1,
      name: `${name()} ${LEVEL_NAMES[level]}`,
      ncesId: `99${String(index + 1).padStart(10, '0')}`,
      level,
      locale: random.weighted(LOCALES),
      address: `${random.int(10, 9999)} ${random.pick(PLACE_STARTS)} Avenue`,
      enrollment: random.int(low, high),
      principalName: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAME_STARTS)}${random.pick(LAST_NAME_ENDS)}`,
      phone: `555-01${String(index % 100).padStart(2, '0')}`,
      active: random.chance(0.99),
      // The agency whose area the school is in; and whether the school takes part in the SRO program at all.
      region,
      served: random.chance(0.85),
    };
  });
}

function makeOfficers(random, count, agencies) {
  const perAgency = apportion(
    count,
    agencies.map((agency) => agency.weight),
    1,
  );
  const officers = [];
  agencies.forEach((agency, agencyIndex) => {
    for (let n = 0; n < perAgency[agencyIndex]; n++) {
      const id = officers.length + 1;
      const firstName = random.pick(FIRST_NAMES);
      const lastName = `${random.pick(LAST_NAME_STARTS)}${random.pick(LAST_NAME_ENDS)}`;
      const sroSince = toDay('2008-08-01') + random.int(0, 17 * 365);
      const trainedOn = sroSince + random.int(30, 200);
      officers.push({
        id,
        agencyId: agency.id,
        agencyIndex,
        firstName,
        lastName,
        badgeNumber: String(1000 + n),
        rank: random.weighted(RANKS[agency.kind]),
        email: `${firstName}.${lastName}${id}@${agency.domain}.example`.toLowerCase(),
        phone: `555-01${String(id % 100).padStart(2, '0')}`,
        status: random.weighted(STATUSES),
        sroSince: isoOf(sroSince),
        sroTrainingCompletedOn: random.chance(0.92) && trainedOn <= ACTIVITY_END ? isoOf(trainedOn) : null,
        startDay: Math.max(DATA_START, sroSince),
      });
    }
  });
  return officers;
}

/** The officer's periods of service, disjoint and in order: each holds one set of assignments. */
function eras(random, officer) {
  const changes = random.weighted({ 0: 15, 1: 40, 2: 30, 3: 15 });
  const boundaries = random
    .shuffled(ERA_BOUNDARIES.filter((day) => day > officer.startDay))
    .slice(0, Number(changes))
    .sort((a, b) => a - b);
  const starts = [officer.startDay, ...boundaries];
  const ending = random.weighted(ERA_ENDINGS);
  const lastEnd = ending === 'open' ? null : toDay(ending);
  return starts
    .map((start, index) => ({ start, end: index + 1 < starts.length ? starts[index + 1] - 1 : lastEnd }))
    .filter((era) => era.end === null || era.end >= era.start);
}

/**
 * Assignments that obey the database's rules by construction: only ACTIVE officers at active schools; eras never
 * overlap and each has at most one PRIMARY, so no officer has two overlapping PRIMARY assignments; the FTE of an
 * era's assignments adds up to at most 1.00 (kept in hundredths, so there is no rounding).
 */
function makeAssignments(random, officers, schools) {
  const byRegion = new Map();
  for (const school of schools) {
    if (!school.active || !school.served) continue;
    if (!byRegion.has(school.region)) byRegion.set(school.region, []);
    byRegion.get(school.region).push(school);
  }
  const weighted = new Map(
    [...byRegion].map(([region, list]) => [region, new WeightedTable(new Map(list.map((school) => [school, school.enrollment])))]),
  );
  const assignments = [];
  const add = (officer, school, role, hundredths, era) => {
    const assignment = {
      id: assignments.length + 1,
      officerId: officer.id,
      schoolId: school.id,
      role,
      fte: hundredths,
      start: era.start,
      end: era.end,
    };
    assignments.push(assignment);
    officer.eras.at(-1).schools.push(assignment);
  };
  for (const officer of officers) {
    officer.eras = [];
    const region = byRegion.get(officer.agencyIndex);
    if (officer.status !== 'ACTIVE' || !region || !random.chance(0.95)) continue;
    for (const era of eras(random, officer)) {
      officer.eras.push({ ...era, schools: [] });
      const used = new Set();
      if (random.chance(0.1) && region.length >= 3) {
        // A supervisor or floater: SECONDARY at a few schools, a quarter of full time each.
        for (const school of random.shuffled(region).slice(0, Math.min(4, region.length))) add(officer, school, 'SECONDARY', 25, era);
        continue;
      }
      const primary = weighted.get(officer.agencyIndex).draw(random);
      const primaryFte = Number(PRIMARY_FTE.draw(random));
      add(officer, primary, 'PRIMARY', primaryFte, era);
      used.add(primary);
      let left = 100 - primaryFte;
      for (let extra = 0; extra < 2 && left >= 10 && random.chance(0.85); extra++) {
        const school = random.pick(region);
        if (used.has(school)) continue;
        used.add(school);
        const fte = Math.min(left, random.pick([10, 20, 25, 25]));
        add(officer, school, random.chance(0.6) ? 'SECONDARY' : 'BACKUP', fte, era);
        left -= fte;
      }
    }
  }
  return assignments;
}

/** The whole program but its activities, deterministic for a scale. */
export function makeProgram(scale) {
  const random = new Random(scale.seed);
  const agencies = makeAgencies(random, scale.agencies);
  const schools = makeSchools(random, scale.schools, agencies);
  const officers = makeOfficers(random, scale.officers, agencies);
  const assignments = makeAssignments(random, officers, schools);
  return { agencies, schools, officers, assignments };
}
