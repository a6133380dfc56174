import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/actor';
import { asDistrictWide } from '../../common/row-security';
import { rows } from '../report/sql';

/** One group's count, as the statement returns it. */
export interface CountRow {
  key: string;
  tips: number;
}

export interface DurationRow {
  tips: number;
  median: number | null;
  p90: number | null;
}

/** A period's figures as the statement returns them, before labels and suppression. */
export interface TipFiguresRow {
  total: number;
  lifeSafety: number;
  byCategory: CountRow[];
  bySource: CountRow[];
  bySchool: CountRow[];
  byMonth: CountRow[];
  byDisposition: CountRow[];
  firstLifeSafety: DurationRow;
  firstOther: DurationRow;
  close: DurationRow;
  overdue: number;
  late: number;
  closed: number;
  unfoundedOrPrank: number;
}

const grouped = (key: string, where = 'true', order = 'n desc, key') =>
  `(select coalesce(json_agg(json_build_object('key', key, 'tips', n) order by ${order}), '[]'::json)
      from (select ${key} as key, count(*) as n from t where ${where} group by 1) g)`;

const durations = (column: string, where: string) =>
  `(select json_build_object('tips', count(${column}), 'median', percentile_cont(0.5) within group (order by ${column}),
      'p90', percentile_cont(0.9) within group (order by ${column})) from t where ${where})`;

/**
 * Every figure of one period in one statement: the tips received in it (their day in the program's time zone),
 * aggregated once (`materialized`) and grouped each way. Parameters: time zone, life-safety minutes, other hours,
 * time zone, from, to.
 */
export const TIP_FIGURES_SQL = `with t as materialized (
  select tip.category, tip.source, tip.school_id, tip.life_safety, tip.status, tip.disposition, tip.first_action_at,
    (extract(epoch from tip.first_action_at - tip.received_at) / 60)::float8 as first_minutes,
    (extract(epoch from tip.closed_at - tip.received_at) / 3600)::float8 as close_hours,
    to_char(tip.received_at at time zone ?::text, 'YYYY-MM') as month,
    tip.received_at + make_interval(mins => case when tip.life_safety then ?::int else ?::int * 60 end) as due_at
  from tip
  where (tip.received_at at time zone ?::text)::date between ?::date and ?::date
)
select json_build_object(
  'total', (select count(*) from t),
  'lifeSafety', (select count(*) from t where life_safety),
  'byCategory', ${grouped('category')},
  'bySource', ${grouped('source')},
  'bySchool', ${grouped(`coalesce(school_id::text, 'none')`)},
  'byMonth', ${grouped('month', 'true', 'key')},
  'byDisposition', ${grouped('disposition', `status = 'CLOSED'`)},
  'firstLifeSafety', ${durations('first_minutes', 'life_safety')},
  'firstOther', ${durations('first_minutes', 'not life_safety')},
  'close', ${durations('close_hours', `status = 'CLOSED'`)},
  'overdue', (select count(*) from t where first_action_at is null and status <> 'CLOSED' and due_at < now()),
  'late', (select count(*) from t where first_action_at > due_at),
  'closed', (select count(*) from t where status = 'CLOSED'),
  'unfoundedOrPrank', (select count(*) from t where disposition in ('UNFOUNDED', 'PRANK'))
) as figures`;

export interface TipFiguresQuery {
  em: EntityManager;
  timeZone: string;
  lifeSafetyMinutes: number;
  firstActionHours: number;
  from: string;
  to: string;
  /** A chief: the district's tips, read as the aggregate role (its own row security shows only its officers'). */
  districtWideFor: Actor | null;
}

export async function tipFigures(query: TipFiguresQuery): Promise<TipFiguresRow> {
  const { em, timeZone } = query;
  const params = [timeZone, query.lifeSafetyMinutes, query.firstActionHours, timeZone, query.from, query.to];
  const found = query.districtWideFor
    ? await asDistrictWide<{ figures: TipFiguresRow }>(
        em,
        query.districtWideFor,
        em.getKnex().client.positionBindings(TIP_FIGURES_SQL),
        params,
      )
    : await rows<{ figures: TipFiguresRow }>(em, TIP_FIGURES_SQL, params);
  return found[0].figures;
}
