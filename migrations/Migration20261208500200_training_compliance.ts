import { Migration } from '@mikro-orm/migrations';

/**
 * Training compliance on a date, in SQL (modules/training/training-compliance.service.ts reads it): one row per
 * officer assigned to a school on the date and active requirement that applies to it, with its status, reason and
 * due date. It reads every record whoever asks (owner's rights, as sro_substitute_overload): a chief's row
 * security must not change the district's shares; the service scopes the rows to the actor.
 *
 * - COURSE_BEFORE_OR_WITHIN: a course of the kind completed by the date is COMPLIANT; otherwise it is due on the
 *   first assignment's start plus the months: NON_COMPLIANT after that day, DUE_SOON within `soon_days` of it.
 * - IN_SERVICE_HOURS_PER_PROGRAM_YEAR: NON_COMPLIANT when the officer served the whole previous program year with
 *   fewer hours; otherwise COMPLIANT once this year's hours reach the number, else due on the year's last day.
 * - CERTIFICATE_CURRENT: a completion of the course not expired on the date; DUE_SOON within `soon_days` of its
 *   expiry; NON_COMPLIANT when none is held (due since the expiry, or the first assignment when never held).
 */
export class Migration20261208500200_training_compliance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function training_compliance(on_date date, soon_days integer, year_start_month integer)
returns table (officer_id integer, agency_id integer, requirement_id integer, status text, reason text, due_date date)
language sql stable security definer set search_path = pg_catalog, public as $$
  with year_bounds as (
    select first_day, (first_day + interval '1 year' - interval '1 day')::date as last_day,
           (first_day - interval '1 year')::date as previous_first_day, (first_day - 1) as previous_last_day
      from (select make_date(extract(year from on_date)::integer - (extract(month from on_date)::integer < year_start_month)::integer,
                             year_start_month, 1) as first_day) y),
  assigned as (
    select a.officer_id, bool_or(a.role = 'PRIMARY') as is_primary
      from public.assignment a
     where a.start_date <= on_date and (a.end_date is null or a.end_date >= on_date)
     group by a.officer_id),
  pairs as (
    select o.id as officer_id, o.agency_id, r.id as requirement_id, r.rule, r.course_kind, r.within_months, r.hours, r.course_id,
           (select min(a.start_date) from public.assignment a where a.officer_id = o.id) as first_assigned
      from public.officer o
      join assigned s on s.officer_id = o.id
      join public.training_requirement r on r.active
       and (r.applies_to = 'EVERY_SRO' or (r.applies_to = 'PRIMARY_ONLY' and s.is_primary) or (r.applies_to = 'RANKS' and o.rank = any(r.ranks)))),
  measured as (
    select p.*, y.*,
      (select min(t.completed_on) from public.training_record t join public.training_course c on c.id = t.course_id
        where t.officer_id = p.officer_id and c.kind = p.course_kind and t.completed_on <= on_date) as course_done_on,
      (p.first_assigned + make_interval(months => coalesce(p.within_months, 0)))::date as course_due,
      (select coalesce(sum(t.hours_credited), 0) from public.training_record t join public.training_course c on c.id = t.course_id
        where t.officer_id = p.officer_id and c.kind = 'IN_SERVICE' and t.completed_on between y.first_day and on_date) as hours_this_year,
      (select coalesce(sum(t.hours_credited), 0) from public.training_record t join public.training_course c on c.id = t.course_id
        where t.officer_id = p.officer_id and c.kind = 'IN_SERVICE' and t.completed_on between y.previous_first_day and y.previous_last_day) as hours_last_year,
      (p.first_assigned <= y.previous_first_day and exists (select 1 from public.assignment a where a.officer_id = p.officer_id
        and a.start_date <= y.previous_last_day and (a.end_date is null or a.end_date >= y.previous_last_day))) as served_last_year,
      (select max(coalesce(t.expires_on, 'infinity'::date)) from public.training_record t
        where t.officer_id = p.officer_id and t.course_id = p.course_id and t.completed_on <= on_date) as certificate_until,
      (select c.name from public.training_course c where c.id = p.course_id) as course_name
      from pairs p, year_bounds y)
  select m.officer_id, m.agency_id, m.requirement_id, verdict.status, verdict.reason, verdict.due_date
    from measured m cross join lateral (
      select * from (values
        -- One verdict per rule, the first that holds (ordinality).
        (1, m.rule = 'COURSE_BEFORE_OR_WITHIN' and m.course_done_on is not null,
            'COMPLIANT', format('%s course completed on %s', m.course_kind, m.course_done_on), null::date),
        (2, m.rule = 'COURSE_BEFORE_OR_WITHIN' and on_date > m.course_due,
            'NON_COMPLIANT', format('No %s course; it was due by %s', m.course_kind, m.course_due), m.course_due),
        (3, m.rule = 'COURSE_BEFORE_OR_WITHIN' and on_date >= m.course_due - soon_days,
            'DUE_SOON', format('No %s course yet; due by %s', m.course_kind, m.course_due), m.course_due),
        (4, m.rule = 'COURSE_BEFORE_OR_WITHIN',
            'COMPLIANT', format('No %s course yet; due by %s', m.course_kind, m.course_due), m.course_due),
        (5, m.rule = 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR' and m.served_last_year and m.hours_last_year < m.hours,
            'NON_COMPLIANT', format('%s of %s in-service hours in the program year %s to %s', m.hours_last_year, m.hours, m.previous_first_day, m.previous_last_day), m.previous_last_day),
        (6, m.rule = 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR' and m.hours_this_year >= m.hours,
            'COMPLIANT', format('%s of %s in-service hours this program year', m.hours_this_year, m.hours), null::date),
        (7, m.rule = 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR' and on_date >= m.last_day - soon_days,
            'DUE_SOON', format('%s of %s in-service hours this program year; due by %s', m.hours_this_year, m.hours, m.last_day), m.last_day),
        (8, m.rule = 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR',
            'COMPLIANT', format('%s of %s in-service hours so far this program year; due by %s', m.hours_this_year, m.hours, m.last_day), m.last_day),
        (9, m.rule = 'CERTIFICATE_CURRENT' and m.certificate_until is null,
            'NON_COMPLIANT', format('No %s on record', m.course_name), m.first_assigned),
        (10, m.rule = 'CERTIFICATE_CURRENT' and m.certificate_until < on_date,
            'NON_COMPLIANT', format('%s expired on %s', m.course_name, m.certificate_until), m.certificate_until),
        (11, m.rule = 'CERTIFICATE_CURRENT' and m.certificate_until = 'infinity'::date,
            'COMPLIANT', format('%s held; it does not expire', m.course_name), null::date),
        (12, m.rule = 'CERTIFICATE_CURRENT' and m.certificate_until <= on_date + soon_days,
            'DUE_SOON', format('%s expires on %s', m.course_name, m.certificate_until), m.certificate_until),
        (13, m.rule = 'CERTIFICATE_CURRENT',
            'COMPLIANT', format('%s valid until %s', m.course_name, m.certificate_until), m.certificate_until)
      ) as rules (position, holds, status, reason, due_date)
      where rules.holds order by rules.position limit 1) verdict
$$;`);
    this.addSql(`revoke all on function training_compliance(date, integer, integer) from public;`);
    this.addSql(`grant execute on function training_compliance(date, integer, integer) to sro_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists training_compliance(date, integer, integer);`);
  }
}
