import { ACTIVITY_END, DATA_START } from './program.mjs';
import { isoOf, weekday } from './dates.mjs';
import { NOTES } from './names.mjs';
import { Random, WeightedTable } from './random.mjs';

// Share of activities by category, and for each: minutes, students and staff reached (ranges), and how often it
// is district-wide work (no school).
const CATEGORIES = {
  VISIBILITY_PATROL: { weight: 20, minutes: [30, 240], students: [0, 0], staff: [0, 0], districtWide: 0.02 },
  MENTORING: { weight: 14, minutes: [20, 60], students: [1, 6], staff: [0, 1], districtWide: 0.02 },
  CLASSROOM_INSTRUCTION: { weight: 14, minutes: [45, 90], students: [18, 140], staff: [1, 4], districtWide: 0.01 },
  STAFF_PARENT_MEETING: { weight: 10, minutes: [20, 90], students: [0, 0], staff: [1, 12], districtWide: 0.1 },
  LAW_ENFORCEMENT_RESPONSE: { weight: 8, minutes: [15, 240], students: [0, 3], staff: [0, 3], districtWide: 0.03 },
  EXTRACURRICULAR_EVENT: { weight: 8, minutes: [90, 240], students: [40, 600], staff: [2, 20], districtWide: 0.05 },
  TIP_FOLLOW_UP: { weight: 6, minutes: [15, 90], students: [0, 2], staff: [1, 2], districtWide: 0.05 },
  SAFETY_AUDIT: { weight: 4, minutes: [60, 180], students: [0, 0], staff: [1, 4], districtWide: 0.02 },
  CASS_PROGRAM: { weight: 4, minutes: [30, 90], students: [5, 30], staff: [1, 3], districtWide: 0.02 },
  TRAINING: { weight: 4, minutes: [120, 480], students: [0, 0], staff: [0, 0], districtWide: 0.8 },
  THREAT_ASSESSMENT: { weight: 3, minutes: [45, 180], students: [0, 1], staff: [2, 6], districtWide: 0.02 },
  EMERGENCY_DRILL: { weight: 3, minutes: [20, 60], students: [150, 1500], staff: [10, 80], districtWide: 0.01 },
  OTHER: { weight: 2, minutes: [15, 120], students: [0, 20], staff: [0, 5], districtWide: 0.1 },
};
const CATEGORY_TABLE = new WeightedTable(Object.fromEntries(Object.entries(CATEGORIES).map(([name, spec]) => [name, spec.weight])));
const TOPICS = new WeightedTable({
  DRUGS_ALCOHOL: 22,
  SOCIAL_MEDIA: 24,
  JUVENILE_LAW: 14,
  PERSONAL_SAFETY: 16,
  BULLYING: 12,
  TRAFFIC_SAFETY: 8,
  OTHER: 4,
});

/** How busy a day is in the school calendar: school days 1, breaks and summer a little, weekends very little. */
function dayWeight(day) {
  const iso = isoOf(day);
  const monthDay = iso.slice(5);
  const dow = weekday(day);
  if (dow === 0 || dow === 6) return 0.03;
  if (monthDay >= '06-06' && monthDay <= '08-15') return 0.12;
  if (monthDay >= '12-21' || monthDay <= '01-02') return 0.05;
  if (monthDay >= '03-16' && monthDay <= '03-20') return 0.05;
  if (monthDay >= '11-23' && monthDay <= '11-29' && (dow === 4 || dow === 5)) return 0.05;
  return 1;
}

const range = (random, [low, high], step = 1) => (high <= low ? low : low + step * random.int(0, Math.floor((high - low) / step)));

/** The era of an officer's service that contains `day`, moving forward only (days are visited in order). */
function eraOn(officer, day) {
  while (officer.eraIndex < officer.eras.length && officer.eras[officer.eraIndex].end !== null && officer.eras[officer.eraIndex].end < day)
    officer.eraIndex++;
  const era = officer.eras[officer.eraIndex];
  return era && era.start <= day ? era : null;
}

/** Officer-days of service, weighted by the calendar: what the target number of activities is spread over. */
function serviceDays(officers) {
  let total = 0;
  for (const officer of officers) {
    for (const era of officer.eras) {
      const last = Math.min(era.end ?? ACTIVITY_END, ACTIVITY_END);
      for (let day = Math.max(era.start, DATA_START); day <= last; day++) total += dayWeight(day);
    }
  }
  return total;
}

export const ACTIVITY_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'version',
  'officer_id',
  'school_id',
  'date',
  'category',
  'topic',
  'duration_minutes',
  'students_reached',
  'staff_reached',
  'notes',
];

/**
 * COPY lines of about `target` activities, in date order as an activity log grows: each officer logs on the days
 * it serves, at its assigned schools in proportion to their FTE (or district-wide), at a Poisson rate scaled so
 * that the total comes out near the target. Deterministic for a seed.
 */
export function* activityLines(program, target, seed) {
  const random = new Random(seed + 1);
  const officers = program.officers.filter((officer) => officer.eras.length > 0);
  const rate = target / serviceDays(officers);
  for (const officer of officers) {
    officer.eraIndex = 0;
    for (const era of officer.eras)
      era.table ??= new WeightedTable(new Map(era.schools.map((assignment) => [assignment.schoolId, assignment.fte])));
  }
  const minutes = Array.from({ length: 60 }, (_, m) => String(m).padStart(2, '0'));
  let id = 0;
  for (let day = DATA_START; day <= ACTIVITY_END; day++) {
    const mean = rate * dayWeight(day);
    const date = isoOf(day);
    for (const officer of officers) {
      const era = eraOn(officer, day);
      if (!era) continue;
      for (let n = random.poisson(mean); n > 0; n--) {
        const category = CATEGORY_TABLE.draw(random);
        const spec = CATEGORIES[category];
        const school = random.chance(spec.districtWide) ? '\\N' : era.table.draw(random);
        const topic = category === 'CLASSROOM_INSTRUCTION' ? TOPICS.draw(random) : '\\N';
        const loggedAt = `${date} ${random.int(13, 22)}:${minutes[random.int(0, 59)]}:00+00`;
        const notes = random.chance(0.2) ? random.pick(NOTES) : '\\N';
        id++;
        yield `${id}\t${loggedAt}\t${loggedAt}\t1\t${officer.id}\t${school}\t${date}\t${category}\t${topic}\t${range(random, spec.minutes, 5)}\t${range(random, spec.students)}\t${range(random, spec.staff)}\t${notes}\n`;
      }
    }
  }
}
