/**
 * The demo district's school calendar: for any school year, its first and last instructional days and its
 * closures, from fixed rules (no clock, no randomness). The demo writes the previous and the current school year,
 * and plans its activities on the days this calendar has school (isSchoolDay), so that the two agree.
 */
import { addDays } from '../../common/dates';

export interface DemoClosure {
  startDate: string;
  endDate: string;
  reason: string;
  /** A school's key (demo-data.ts); left out for a district-wide closure. */
  school?: string;
}

export interface DemoSchoolYear {
  name: string;
  firstDay: string;
  lastDay: string;
  closures: DemoClosure[];
}

// The one school closed on its own, for a day, in each school year: an emergency, not a holiday.
const EMERGENCY_SCHOOL = 'millrace';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const pad = (value: number) => String(value).padStart(2, '0');

/** The `nth` (1-based) given weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, day: number, nth: number): string {
  const first = `${year}-${pad(month)}-01`;
  return addDays(first, ((day - weekday(first) + 7) % 7) + 7 * (nth - 1));
}

/** The first weekday on or after a date (`step` 1), or the last on or before it (`step` -1). */
function schoolWeekday(date: string, step: 1 | -1): string {
  let day = date;
  while (weekday(day) === 0 || weekday(day) === 6) day = addDays(day, step);
  return day;
}

/** The school year that starts in August of `startYear`, such as 2026-27. */
export function demoSchoolYear(startYear: number): DemoSchoolYear {
  const next = startYear + 1;
  const thanksgiving = nthWeekday(startYear, 11, 4, 4);
  const springBreak = nthWeekday(next, 3, 1, 3);
  const emergency = nthWeekday(next, 2, 2, 1);
  return {
    name: `${startYear}-${String(next).slice(2)}`,
    firstDay: schoolWeekday(`${startYear}-08-17`, 1),
    lastDay: schoolWeekday(`${next}-06-12`, -1),
    closures: [
      { startDate: nthWeekday(startYear, 9, 1, 1), endDate: nthWeekday(startYear, 9, 1, 1), reason: 'Labor Day' },
      { startDate: thanksgiving, endDate: addDays(thanksgiving, 1), reason: 'Thanksgiving break' },
      { startDate: `${startYear}-12-21`, endDate: `${next}-01-02`, reason: 'Winter break' },
      { startDate: nthWeekday(next, 1, 1, 3), endDate: nthWeekday(next, 1, 1, 3), reason: 'Martin Luther King Jr. Day' },
      { startDate: nthWeekday(next, 2, 1, 3), endDate: nthWeekday(next, 2, 1, 3), reason: "Presidents' Day" },
      { startDate: springBreak, endDate: addDays(springBreak, 4), reason: 'Spring break' },
      { startDate: emergency, endDate: emergency, reason: 'Water main break: building closed', school: EMERGENCY_SCHOOL },
    ],
  };
}

/** The school year whose summer break precedes `date`'s school days: August starts a new one. */
export function schoolYearStartOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '08-01' ? year : year - 1;
}

/** True when the demo district has school on `date` at `school` (a key), or at every school when it is left out. */
export function isSchoolDay(date: string, school?: string): boolean {
  if (weekday(date) === 0 || weekday(date) === 6) return false;
  const year = demoSchoolYear(schoolYearStartOf(date));
  if (date < year.firstDay || date > year.lastDay) return false;
  return !year.closures.some(
    (closure) => closure.startDate <= date && date <= closure.endDate && (closure.school === undefined || closure.school === school),
  );
}
