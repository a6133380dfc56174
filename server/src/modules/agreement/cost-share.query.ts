/**
 * The invoice of one agency for [from, to], in SQL, under the asker's row security. Parameters: agency, from, to.
 *
 * Days: weekdays. An officer is billed on a day for each of its assignments (x FTE) while it serves the agency
 * (officer_agency_period, through sro_agency_periods), under the agency's agreement (not DRAFT) whose period covers the day and its latest
 * cost term from on or before the day. A day is instructional within a school year and not a closure of the
 * school or of the whole district; other weekdays are non-instructional working days. Days of an absence whose
 * reason the term excludes are left out.
 *
 * One line per officer, month and term (a rate change mid-month splits the month). Rounding: the line's gross
 * and district share are computed exactly (numeric) and each rounded once to cents, half away from zero
 * (PostgreSQL round(numeric, 2)); the agency share is the rounded gross less the rounded district share, so the
 * two always add up to the gross; totals are sums of the rounded lines. ANNUAL_PER_OFFICER: a full-time day costs
 * the annual amount / 260.
 */
export const COST_SHARE_SQL = `
with days as (
  select d::date as day from generate_series(?::date, ?::date, interval '1 day') d where extract(isodow from d) < 6
),
served as (
  select a.officer_id, a.school_id, a.fte, days.day
    from assignment a
    join days on days.day >= a.start_date and (a.end_date is null or days.day <= a.end_date)
    join sro_agency_periods(?) p on p.officer_id = a.officer_id
     and days.day >= p.start_date and (p.end_date is null or days.day <= p.end_date)
),
termed as (
  select s.*, t.id as term_id, t.basis, t.hours_per_day, t.instructional_share_percent, t.non_instructional_share_percent,
         t.hourly_rates, t.annual_amount, t.excluded_absence_reasons
    from served s
    join lateral (
      select t.* from mou m join mou_cost_term t on t.mou_id = m.id
       where m.agency_id = ? and m.status <> 'DRAFT' and s.day between m.effective_date and m.expiry_date and t.effective_from <= s.day
       order by t.effective_from desc, m.id desc limit 1
    ) t on true
),
billed as (
  select x.*,
         exists (select 1 from school_year y where x.day between y.first_day and y.last_day)
         and not exists (select 1 from school_closure c where x.day between c.start_date and c.end_date and (c.school_id is null or c.school_id = x.school_id))
           as instructional
    from termed x
   where not exists (
     select 1 from officer_absence ab
      where ab.officer_id = x.officer_id and x.day >= ab.start_date and (ab.end_date is null or x.day <= ab.end_date)
        and ab.reason = any (x.excluded_absence_reasons))
),
lines as (
  select b.officer_id, date_trunc('month', b.day)::date as month, b.term_id, min(b.day) as first_day, max(b.day) as last_day,
         coalesce(sum(b.fte) filter (where b.instructional), 0) as instructional_days,
         coalesce(sum(b.fte) filter (where not b.instructional), 0) as non_instructional_days,
         min(b.basis) as basis, min(b.hours_per_day) as hours_per_day,
         min(b.instructional_share_percent) as instructional_share, min(b.non_instructional_share_percent) as non_instructional_share,
         min(b.annual_amount) as annual_amount, min(b.hourly_rates::text)::jsonb as hourly_rates
    from billed b
   group by b.officer_id, date_trunc('month', b.day), b.term_id
),
priced as (
  select l.*, o.first_name, o.last_name, o.rank,
         case when l.basis = 'HOURLY'
              then (select (r ->> 'hourlyRate')::numeric from jsonb_array_elements(l.hourly_rates) r where r ->> 'rank' = o.rank)
              else l.annual_amount / 260 end as rate
    from lines l join officer o on o.id = l.officer_id
),
exact as (
  select p.*,
         (p.instructional_days + p.non_instructional_days) * p.hours_per_day as hours,
         case when p.basis = 'HOURLY' then p.hours_per_day * p.rate else p.rate end as day_cost
    from priced p
)
select e.officer_id, e.first_name, e.last_name, e.rank, e.month::text as month, e.term_id, e.first_day::text as first_day,
       e.last_day::text as last_day, e.instructional_days::text as instructional_days,
       e.non_instructional_days::text as non_instructional_days, e.hours::text as hours, e.rate::text as rate,
       round((e.instructional_days + e.non_instructional_days) * e.day_cost, 2)::text as gross,
       round((e.instructional_days * e.instructional_share + e.non_instructional_days * e.non_instructional_share) * e.day_cost / 100, 2)::text as district_share,
       (round((e.instructional_days + e.non_instructional_days) * e.day_cost, 2)
        - round((e.instructional_days * e.instructional_share + e.non_instructional_days * e.non_instructional_share) * e.day_cost / 100, 2))::text as agency_share
  from exact e
 order by e.month, e.last_name, e.first_name, e.officer_id, e.first_day`;
