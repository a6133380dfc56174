import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/actor';
import { asDistrictWide } from '../../common/row-security';
import { positionalParameters } from '../../db/read-path';
import type { ActivityCategory, InstructionTopic } from '../activity/activity.entity';
import { Agency } from '../agency/agency.entity';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';
import {
  ActivityFigures,
  AgencyFigures,
  CategoryFigures,
  OfficerFigures,
  SchoolFigures,
  SeriesBucket,
  TopicFigures,
  hoursOf,
  type ActivityFiguresSource,
} from './activity-report.types';
import { SeriesInterval, type Period } from './periods';
import { byId, Conditions, rows } from './sql';

interface FiguresRow {
  activities: number;
  minutes: number;
  students_reached: number;
  staff_reached: number;
  // Only when cells are counted for suppression (figuresSql).
  officers?: number;
  lowest_agency_id?: number | null;
  highest_agency_id?: number | null;
}

type KeyedRow<K> = FiguresRow & { key: K };

interface GroupOptions {
  around?: string;
  order: string;
  extraWhere?: string;
  countCells: boolean;
}

const FIGURES = `count(*)::int as activities, coalesce(sum(a.duration_minutes), 0)::int as minutes,
  coalesce(sum(a.students_reached), 0)::int as students_reached, coalesce(sum(a.staff_reached), 0)::int as staff_reached`;

// What a cell rests on (small-cells.ts): counted only for callers whose cells may be suppressed, as it costs a sort.
// The activity's own agency (the one its officer served on its date), never the officer's current one.
const BASIS = `count(distinct a.officer_id)::int as officers, min(a.agency_id)::int as lowest_agency_id,
  max(a.agency_id)::int as highest_agency_id`;

const figuresSql = (countCells: boolean) => (countCells ? `${FIGURES}, ${BASIS}` : FIGURES);

const FROM = 'activity a left join school s on s.id = a.school_id';

// Fixed SQL words for each interval: never built from input.
const TRUNCATE: Record<SeriesInterval, { unit: string; step: string }> = {
  [SeriesInterval.WEEK]: { unit: 'week', step: `interval '1 week'` },
  [SeriesInterval.MONTH]: { unit: 'month', step: `interval '1 month'` },
};

function figures<T extends ActivityFigures>(target: T, row: FiguresRow): T {
  return Object.assign(target, {
    activities: row.activities,
    minutes: row.minutes,
    hours: hoursOf(row.minutes),
    studentsReached: row.students_reached,
    staffReached: row.staff_reached,
    suppressed: false,
    basis:
      row.officers === undefined
        ? undefined
        : { officers: row.officers, lowestAgencyId: row.lowest_agency_id ?? null, highestAgencyId: row.highest_agency_id ?? null },
  });
}

export interface ActivityQueryOptions {
  em: EntityManager;
  period: Period;
  interval: SeriesInterval;
  /** The activities counted in detail: period, filter and the caller's restriction. */
  detail: Conditions;
  /** The activities byAgency counts: for a chief, other agencies too (as one aggregate each). */
  agencies: Conditions;
  /**
   * Set when byAgency counts rows the caller's row security hides (a chief's view of other agencies): that one
   * statement runs as the owner, in a savepoint, and row security is entered again for this actor afterwards.
   */
  aggregateOutsideRowSecurity: Actor | null;
  /** Count what each cell rests on (officers, agencies), for callers whose small cells are suppressed. */
  countCells: boolean;
}

/**
 * Figures per `key`. The period's rows are aggregated by the key alone, once (`materialized`: row security makes
 * the planner expect a few thousand rows, and it would otherwise repeat the aggregate for every group it joins),
 * and only the groups are then joined to what orders them (`around`, on `g.key`). Joining a name to every activity
 * row and sorting them all by it cost several times the aggregate itself (docs/performance.md).
 */
function groupedStatement(key: string, where: Conditions, { around = '', order, extraWhere = 'true', countCells }: GroupOptions) {
  return {
    text: `with g as materialized (select ${key} as key, ${figuresSql(countCells)} from ${FROM} where ${where.text} and ${extraWhere} group by ${key})
       select g.* from g ${around} order by ${order}`,
    params: where.params,
  };
}

/**
 * One period's figures, each one SQL statement that groups in PostgreSQL: no activity row is ever loaded.
 * Results are kept, so that `totals` asked for twice (by `totals` and `change`) runs once.
 */
export class ActivityQuery implements ActivityFiguresSource {
  private readonly results = new Map<string, Promise<unknown>>();

  constructor(private readonly options: ActivityQueryOptions) {}

  private once<T>(name: string, compute: () => Promise<T>): Promise<T> {
    if (!this.results.has(name)) this.results.set(name, compute());
    return this.results.get(name) as Promise<T>;
  }

  /** Figures per `key` (groupedStatement), as the actor sees them. */
  private grouped<K>(key: string, where: Conditions, options: Omit<GroupOptions, 'countCells'>): Promise<KeyedRow<K>[]> {
    const { text, params } = groupedStatement(key, where, { ...options, countCells: this.options.countCells });
    return rows<KeyedRow<K>>(this.options.em, text, params);
  }

  totals(): Promise<ActivityFigures> {
    return this.once('totals', async () => {
      const [row] = await rows<FiguresRow>(
        this.options.em,
        `select ${figuresSql(this.options.countCells)} from ${FROM} where ${this.options.detail.text}`,
        this.options.detail.params,
      );
      return figures(new ActivityFigures(), row);
    });
  }

  byCategory(): Promise<CategoryFigures[]> {
    return this.once('byCategory', async () => {
      const found = await this.grouped<ActivityCategory>('a.category', this.options.detail, { order: 'g.key collate "C"' });
      return found.map((row) => Object.assign(figures(new CategoryFigures(), row), { category: row.key }));
    });
  }

  byTopic(): Promise<TopicFigures[]> {
    return this.once('byTopic', async () => {
      const found = await this.grouped<InstructionTopic>('a.topic', this.options.detail, {
        order: 'g.key collate "C"',
        extraWhere: 'a.topic is not null',
      });
      return found.map((row) => Object.assign(figures(new TopicFigures(), row), { topic: row.key }));
    });
  }

  byAgency(): Promise<AgencyFigures[]> {
    return this.once('byAgency', async () => {
      const { text, params } = groupedStatement('a.agency_id', this.options.agencies, {
        around: 'join agency ag on ag.id = g.key',
        order: 'ag.name, g.key',
        countCells: this.options.countCells,
      });
      const { em, aggregateOutsideRowSecurity: actor } = this.options;
      // asDistrictWide sends pg's `$1`, `$2`...: the `?` numbered by knex, as for every other statement of the report.
      const found = actor
        ? await asDistrictWide<KeyedRow<number>>(em, actor, positionalParameters(em, text), params)
        : await rows<KeyedRow<number>>(em, text, params);
      const agencies = await byId(
        this.options.em,
        Agency,
        found.map((row) => row.key),
      );
      return found.map((row) => Object.assign(figures(new AgencyFigures(), row), { agency: agencies.get(row.key)! }));
    });
  }

  bySchool(): Promise<SchoolFigures[]> {
    return this.once('bySchool', async () => {
      const found = await this.grouped<number | null>('a.school_id', this.options.detail, {
        around: 'left join school named on named.id = g.key',
        order: 'named.name nulls last, g.key',
      });
      const schools = await byId(
        this.options.em,
        School,
        found.map((row) => row.key),
      );
      return found.map((row) =>
        Object.assign(figures(new SchoolFigures(), row), { school: row.key === null ? null : schools.get(row.key)! }),
      );
    });
  }

  byOfficer(): Promise<OfficerFigures[]> {
    return this.once('byOfficer', async () => {
      const found = await this.grouped<number>('a.officer_id', this.options.detail, {
        around: 'join officer named on named.id = g.key',
        order: 'named.last_name, named.first_name, g.key',
      });
      const officers = await byId(
        this.options.em,
        Officer,
        found.map((row) => row.key),
      );
      return found.map((row) => Object.assign(figures(new OfficerFigures(), row), { officer: officers.get(row.key)! }));
    });
  }

  /** Buckets from generate_series, so that weeks or months without activities show as zeros. */
  series(): Promise<SeriesBucket[]> {
    return this.once('series', async () => {
      const { period, interval, detail, countCells } = this.options;
      const { unit, step } = TRUNCATE[interval];
      const found = await rows<FiguresRow & { bucket_from: string; bucket_to: string }>(
        this.options.em,
        `with figures as (
           select date_trunc('${unit}', a.date::timestamp)::date as bucket, ${figuresSql(countCells)} from ${FROM} where ${detail.text} group by 1),
         buckets as (
           select generate_series(date_trunc('${unit}', ?::date::timestamp), date_trunc('${unit}', ?::date::timestamp), ${step})::date as bucket)
         select to_char(greatest(b.bucket, ?::date), 'YYYY-MM-DD') as bucket_from,
                to_char(least((b.bucket + ${step} - interval '1 day')::date, ?::date), 'YYYY-MM-DD') as bucket_to,
                coalesce(f.activities, 0) as activities, coalesce(f.minutes, 0) as minutes,
                coalesce(f.students_reached, 0) as students_reached, coalesce(f.staff_reached, 0) as staff_reached
                ${countCells ? ', coalesce(f.officers, 0) as officers, f.lowest_agency_id, f.highest_agency_id' : ''}
           from buckets b left join figures f on f.bucket = b.bucket order by b.bucket`,
        [...detail.params, period.from, period.to, period.from, period.to],
      );
      return found.map((row) => Object.assign(figures(new SeriesBucket(), row), { from: row.bucket_from, to: row.bucket_to }));
    });
  }
}
