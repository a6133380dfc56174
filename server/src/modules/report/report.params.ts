import { isCalendarDate } from '../../common/dates';
import { badInput } from '../../common/errors';
import { parseId } from '../../common/validation';
import { ActivityCategory, InstructionTopic } from '../activity/activity.entity';
import { SchoolLevel, SchoolLocale } from '../school/school.entity';
import { ACTIVITY_PARTS } from './activity-report.csv';
import type { ActivityReportArgs } from './activity-report.types';
import { COVERAGE_PARTS } from './coverage-report.csv';
import type { CoverageFilter } from './coverage-report.types';
import { ComparisonPeriod, PeriodPreset, SeriesInterval } from './periods';
import { STAFFING_PARTS } from './staffing-report.csv';
import type { StaffingFilter } from './staffing-report.types';

/** An export's query string, as express parses it. */
export type QueryParameters = Record<string, unknown>;

/** Reads one export's query parameters: each once at most, none unknown, each of the type the GraphQL argument has. */
export class Parameters {
  constructor(
    private readonly query: QueryParameters,
    allowed: readonly string[],
  ) {
    const unknown = Object.keys(query).filter((name) => !allowed.includes(name));
    if (unknown.length) {
      throw badInput(
        `Unknown parameter ${unknown[0]}: this export takes ${allowed.join(', ')}`,
        Object.fromEntries(unknown.map((name) => [name, ['Unknown parameter']])),
      );
    }
  }

  text(name: string): string | undefined {
    const value = this.query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw badInput(`${name} must be given once`, { [name]: ['Give this parameter once, as plain text'] });
    return value;
  }

  date(name: string): string | undefined {
    const value = this.text(name);
    if (value !== undefined && !isCalendarDate(value))
      throw badInput(`${name} must be a date written YYYY-MM-DD`, { [name]: [`${JSON.stringify(value)} is not a date`] });
    return value;
  }

  id(name: string): string | undefined {
    const value = this.text(name);
    return value === undefined ? undefined : String(parseId(value, name));
  }

  integer(name: string): number | undefined {
    const value = this.text(name);
    if (value !== undefined && !/^-?\d{1,9}$/.test(value))
      throw badInput(`${name} must be a whole number`, { [name]: [`${JSON.stringify(value)} is not a whole number`] });
    return value === undefined ? undefined : Number(value);
  }

  /** `?part=`: one of a report's parts, or the whole report when left out. */
  part(parts: Record<string, unknown>): string | undefined {
    const value = this.text('part');
    const names = Object.keys(parts);
    if (value !== undefined && !Object.hasOwn(parts, value))
      throw badInput(`part must be one of ${names.join(', ')}`, { part: [`${JSON.stringify(value)} is not a part of this report`] });
    return value;
  }

  choice<T extends string>(name: string, values: Record<string, T>): T | undefined {
    const value = this.text(name);
    const allowed = Object.values(values);
    if (value !== undefined && !allowed.includes(value as T))
      throw badInput(`${name} must be one of ${allowed.join(', ')}`, { [name]: [`${JSON.stringify(value)} is not one of them`] });
    return value as T | undefined;
  }
}

export function coverageParameters(query: QueryParameters): { date?: string; filter: CoverageFilter; part?: string } {
  const parameters = new Parameters(query, ['date', 'agencyId', 'level', 'locale', 'part']);
  return {
    part: parameters.part(COVERAGE_PARTS),
    date: parameters.date('date'),
    filter: {
      agencyId: parameters.id('agencyId'),
      level: parameters.choice('level', SchoolLevel),
      locale: parameters.choice('locale', SchoolLocale),
    },
  };
}

/** /export/coverage-period.csv: from and to (both required), and coverageReport's filter. */
export function coveragePeriodParameters(query: QueryParameters): { from: string; to: string; filter: CoverageFilter } {
  const parameters = new Parameters(query, ['from', 'to', 'agencyId', 'level', 'locale']);
  const from = parameters.date('from');
  const to = parameters.date('to');
  if (!from || !to) throw badInput('from and to are required', { [from ? 'to' : 'from']: ['Give a date written YYYY-MM-DD'] });
  return {
    from,
    to,
    filter: {
      agencyId: parameters.id('agencyId'),
      level: parameters.choice('level', SchoolLevel),
      locale: parameters.choice('locale', SchoolLocale),
    },
  };
}

const ACTIVITY_PARAMETERS = [
  'from',
  'to',
  'preset',
  'programYear',
  'quarter',
  'interval',
  'agencyId',
  'schoolId',
  'officerId',
  'category',
  'topic',
  'level',
  'locale',
  'compareTo',
  'part',
];

export function activityParameters(query: QueryParameters): { args: Partial<ActivityReportArgs>; part?: string } {
  const parameters = new Parameters(query, ACTIVITY_PARAMETERS);
  const part = parameters.part(ACTIVITY_PARTS);
  const args = {
    from: parameters.date('from'),
    to: parameters.date('to'),
    preset: parameters.choice('preset', PeriodPreset),
    programYear: parameters.integer('programYear'),
    quarter: parameters.integer('quarter'),
    interval: parameters.choice('interval', SeriesInterval),
    compareTo: parameters.choice('compareTo', ComparisonPeriod),
    filter: {
      agencyId: parameters.id('agencyId'),
      schoolId: parameters.id('schoolId'),
      officerId: parameters.id('officerId'),
      category: parameters.choice('category', ActivityCategory),
      topic: parameters.choice('topic', InstructionTopic),
      level: parameters.choice('level', SchoolLevel),
      locale: parameters.choice('locale', SchoolLocale),
    },
  };
  return { args, part };
}

export function staffingParameters(query: QueryParameters): { date?: string; filter: StaffingFilter; part?: string } {
  const parameters = new Parameters(query, ['date', 'agencyId', 'endingWithinDays', 'part']);
  return {
    part: parameters.part(STAFFING_PARTS),
    date: parameters.date('date'),
    filter: { agencyId: parameters.id('agencyId'), endingWithinDays: parameters.integer('endingWithinDays') },
  };
}
