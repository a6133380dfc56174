import { registerEnumType } from 'type-graphql';
import { addDays, addMonths, daysBetween, isCalendarDate, isWithinMonths } from '../../common/dates';
import { badInput, DomainError } from '../../common/errors';

export enum PeriodPreset {
  CURRENT_QUARTER = 'CURRENT_QUARTER',
  PREVIOUS_QUARTER = 'PREVIOUS_QUARTER',
  QUARTER_TO_DATE = 'QUARTER_TO_DATE',
  CURRENT_PROGRAM_YEAR = 'CURRENT_PROGRAM_YEAR',
  PREVIOUS_PROGRAM_YEAR = 'PREVIOUS_PROGRAM_YEAR',
  PROGRAM_YEAR_TO_DATE = 'PROGRAM_YEAR_TO_DATE',
}

registerEnumType(PeriodPreset, {
  name: 'PeriodPreset',
  description:
    'A report period relative to today, in program-year quarters. The program year starts on the 1st of PROGRAM_YEAR_START_MONTH ' +
    '(July by default, so that Q1 is July to September) and is named by the calendar year it starts in.',
  valuesConfig: {
    CURRENT_QUARTER: { description: 'The whole program-year quarter that contains today.' },
    PREVIOUS_QUARTER: { description: 'The program-year quarter before the current one.' },
    QUARTER_TO_DATE: { description: 'From the first day of the current quarter to today.' },
    CURRENT_PROGRAM_YEAR: { description: 'The whole program year that contains today.' },
    PREVIOUS_PROGRAM_YEAR: { description: 'The program year before the current one.' },
    PROGRAM_YEAR_TO_DATE: { description: 'From the first day of the current program year to today.' },
  },
});

export enum SeriesInterval {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

registerEnumType(SeriesInterval, {
  name: 'SeriesInterval',
  description: 'Size of the buckets of a time series.',
  valuesConfig: {
    WEEK: { description: 'ISO weeks, Monday to Sunday.' },
    MONTH: { description: 'Calendar months.' },
  },
});

export enum ComparisonPeriod {
  PREVIOUS_PERIOD = 'PREVIOUS_PERIOD',
  PREVIOUS_QUARTER = 'PREVIOUS_QUARTER',
  SAME_PERIOD_LAST_YEAR = 'SAME_PERIOD_LAST_YEAR',
}

registerEnumType(ComparisonPeriod, {
  name: 'ComparisonPeriod',
  description:
    'Which period a report compares with. PREVIOUS_QUARTER and SAME_PERIOD_LAST_YEAR shift each date by whole months: it keeps its day ' +
    'of the month, or takes the last day of a shorter month (Feb 29 becomes Feb 28), and a period ending on the last day of a month is ' +
    'compared with one ending on the last day of its month, so that whole months are compared with whole months.',
  valuesConfig: {
    PREVIOUS_PERIOD: { description: 'The period of equal length just before: from minus its length in days, to the day before from.' },
    PREVIOUS_QUARTER: {
      description:
        'The same days three months earlier: for a program-year quarter that is the quarter before it (Q1 compares with Q4 of the ' +
        'program year before), for a quarter to date the same days of the quarter before, for a month the month three months earlier.',
    },
    SAME_PERIOD_LAST_YEAR: { description: 'The same days one year earlier.' },
  },
});

/** A report period: calendar dates, both days included. */
export interface Period {
  from: string;
  to: string;
  label: string;
}

/** How a caller names a period: from and to, a preset, or a program year (and optionally one of its quarters). */
export interface PeriodRequest {
  from?: string | null;
  to?: string | null;
  preset?: PeriodPreset | null;
  programYear?: number | null;
  quarter?: number | null;
}

/** Longest period a report covers: grouping more than this is a request for a data dump, not a report. */
export const MAX_PERIOD_YEARS = 3;

const firstOfMonth = (year: number, month: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;

/** The first day of the program year that contains `date`. */
export function programYearStart(date: string, startMonth: number): string {
  const [year, month] = date.split('-').map(Number);
  return firstOfMonth(month >= startMonth ? year : year - 1, startMonth);
}

/** "2026-27" for a program year that starts in July 2026; "2026" when it is a calendar year. */
function programYearName(start: string): string {
  const year = Number(start.slice(0, 4));
  return start.slice(5, 7) === '01' ? String(year) : `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

function quarter(yearStart: string, number: number): Period {
  const from = addMonths(yearStart, 3 * (number - 1));
  return { from, to: addDays(addMonths(from, 3), -1), label: `Q${number} ${programYearName(yearStart)}` };
}

function programYear(yearStart: string): Period {
  return { from: yearStart, to: addDays(addMonths(yearStart, 12), -1), label: `Program year ${programYearName(yearStart)}` };
}

function presetPeriod(preset: PeriodPreset, today: string, startMonth: number): Period {
  const yearStart = programYearStart(today, startMonth);
  const current = Math.floor(((Number(today.slice(5, 7)) - startMonth + 12) % 12) / 3) + 1;
  const currentQuarter = quarter(yearStart, current);
  switch (preset) {
    case PeriodPreset.CURRENT_QUARTER:
      return currentQuarter;
    case PeriodPreset.PREVIOUS_QUARTER:
      return current > 1 ? quarter(yearStart, current - 1) : quarter(addMonths(yearStart, -12), 4);
    case PeriodPreset.QUARTER_TO_DATE:
      return { from: currentQuarter.from, to: today, label: `${currentQuarter.label} to date` };
    case PeriodPreset.CURRENT_PROGRAM_YEAR:
      return programYear(yearStart);
    case PeriodPreset.PREVIOUS_PROGRAM_YEAR:
      return programYear(addMonths(yearStart, -12));
    case PeriodPreset.PROGRAM_YEAR_TO_DATE:
      return { from: yearStart, to: today, label: `${programYear(yearStart).label} to date` };
  }
}

const given = (value: unknown) => value !== undefined && value !== null;

/**
 * The period a request names, validated: exactly one of from+to, a preset, or a program year (with an optional
 * quarter); none means the current quarter. BAD_USER_INPUT names the argument at fault.
 */
export function resolvePeriod(request: PeriodRequest, today: string, startMonth: number): Period {
  const ways = [
    given(request.from) || given(request.to),
    given(request.preset),
    given(request.programYear) || given(request.quarter),
  ].filter(Boolean).length;
  if (ways > 1) {
    const message = 'Name the period one way only: from and to, a preset, or a programYear (with an optional quarter)';
    throw badInput(message, { preset: [message] });
  }
  let period: Period;
  if (given(request.from) || given(request.to)) {
    const { from, to } = request;
    if (!from || !isCalendarDate(from))
      throw badInput('from must be a date written YYYY-MM-DD', { from: ['Give the first day of the period'] });
    if (!to || !isCalendarDate(to)) throw badInput('to must be a date written YYYY-MM-DD', { to: ['Give the last day of the period'] });
    period = { from, to, label: `${from} to ${to}` };
  } else if (given(request.programYear) || given(request.quarter)) {
    const year = request.programYear;
    if (!Number.isInteger(year) || year! < 1900 || year! > 2200) {
      throw badInput('programYear must be a year such as 2026', { programYear: ['Give the calendar year the program year starts in'] });
    }
    const yearStart = firstOfMonth(year!, startMonth);
    if (!given(request.quarter)) period = programYear(yearStart);
    else if (Number.isInteger(request.quarter) && request.quarter! >= 1 && request.quarter! <= 4)
      period = quarter(yearStart, request.quarter!);
    else throw badInput('quarter must be 1, 2, 3 or 4', { quarter: ['Quarters of a program year are numbered 1 to 4'] });
  } else {
    period = presetPeriod(request.preset ?? PeriodPreset.CURRENT_QUARTER, today, startMonth);
  }
  if (period.to < period.from) throw badInput('to must be on or after from', { to: [`to must be on or after ${period.from}`] });
  if (!isWithinMonths(period.from, period.to, 12 * MAX_PERIOD_YEARS)) {
    throw badInput(`A report period is at most ${MAX_PERIOD_YEARS} years long`, {
      to: [`to must be before ${addMonths(period.from, 12 * MAX_PERIOD_YEARS)}`],
    });
  }
  return period;
}

/** Number of days in a period, both ends included. */
export const periodDays = (period: Pick<Period, 'from' | 'to'>) => daysBetween(period.from, period.to) + 1;

/** The period of equal length just before: from - days .. from - 1. */
export function previousPeriod(period: Period): Period {
  const from = addDays(period.from, -periodDays(period));
  const to = addDays(period.from, -1);
  return { from, to, label: `${from} to ${to}` };
}

const daysInMonth = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * The date `months` earlier or later (common/dates.ts#addMonths: the same day, or the target month's last day when
 * it is shorter); with `monthEnd`, a month's last day stays a month's last day (Feb 28 + 3 months = May 31).
 */
function shiftMonths(date: string, months: number, monthEnd: boolean): string {
  const shifted = addMonths(date, months);
  const [year, month, day] = date.split('-').map(Number);
  if (!monthEnd || day !== daysInMonth(year, month)) return shifted;
  const [targetYear, targetMonth] = shifted.split('-').map(Number);
  return `${shifted.slice(0, 8)}${String(daysInMonth(targetYear, targetMonth)).padStart(2, '0')}`;
}

function comparisonDays(period: Period, compareTo: ComparisonPeriod): Pick<Period, 'from' | 'to'> {
  if (compareTo === ComparisonPeriod.PREVIOUS_PERIOD) return previousPeriod(period);
  const months = compareTo === ComparisonPeriod.PREVIOUS_QUARTER ? -3 : -12;
  return { from: shiftMonths(period.from, months, false), to: shiftMonths(period.to, months, true) };
}

/**
 * The period a report compares `period` with (see ComparisonPeriod). A comparison that would start before
 * 0001-01-01 is a BAD_USER_INPUT naming compareTo. A comparison period that is a program-year quarter is named as one.
 */
export function comparisonPeriod(period: Period, compareTo: ComparisonPeriod, startMonth: number): Period {
  let days: Pick<Period, 'from' | 'to'>;
  try {
    days = comparisonDays(period, compareTo);
  } catch (error) {
    // The only refusal of the date arithmetic: a date before 0001-01-01 (the comparison goes back in time).
    if (!(error instanceof DomainError)) throw error;
    throw badInput('The comparison period would start before 0001-01-01', { compareTo: ['Choose a later period, or another comparison'] });
  }
  const { from, to } = days;
  if (compareTo === ComparisonPeriod.PREVIOUS_PERIOD) return { from, to, label: `${from} to ${to}` };
  const yearStart = programYearStart(from, startMonth);
  const number = Math.floor(((Number(from.slice(5, 7)) - startMonth + 12) % 12) / 3) + 1;
  const asQuarter = quarter(yearStart, number);
  return asQuarter.from === from && asQuarter.to === to ? asQuarter : { from, to, label: `${from} to ${to}` };
}
