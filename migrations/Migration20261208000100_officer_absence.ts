import { Migration } from '@mikro-orm/migrations';

/**
 * Officers' absences and substitutes (modules/officer-absence), with the rules the ORM cannot describe, enforced by
 * PostgreSQL itself:
 * - no officer has two absences on the same day (exclusion constraint over an inclusive date range);
 * - a substitute is an ACTIVE officer, present on those days (not absent, and not absent itself while substituting);
 * - a substitute's own FTE plus the FTE of the assignments it covers stays within 1.00 on every day.
 * The trigger raises SQLSTATE 23514 (check_violation) with the rule's name as the constraint, as the assignment
 * rules do, so that the API maps it like any other check. The substitute's load is one function, also called by
 * the API before writing (officer-absence.rules.ts) to name the clashing assignments.
 *
 * The officer status ON_LEAVE becomes data: each ON_LEAVE officer gets an open absence (reason LEAVE) from the day
 * its record last changed, and becomes ACTIVE.
 */
export class Migration20261208000100_officer_absence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "officer_absence" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "officer_id" int not null, "start_date" date not null, "end_date" date null, "reason" text check ("reason" in ('LEAVE', 'TRAINING', 'COURT', 'SICK', 'LIGHT_DUTY', 'OTHER')) not null, "substitute_id" int null, "notes" text null, constraint officer_absence_substitute_not_self check (substitute_id is null or substitute_id <> officer_id), constraint officer_absence_end_after_start check (end_date is null or end_date >= start_date));`);
    this.addSql(`create index "officer_absence_officer_index" on "officer_absence" ("officer_id");`);
    this.addSql(`create index "officer_absence_substitute_index" on "officer_absence" ("substitute_id");`);
    this.addSql(`create index "officer_absence_dates_index" on "officer_absence" ("start_date", "end_date");`);
    this.addSql(`alter table "officer_absence" add constraint "officer_absence_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "officer_absence" add constraint "officer_absence_substitute_id_foreign" foreign key ("substitute_id") references "officer" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "officer_absence" add constraint "officer_absence_no_overlap" exclude using gist ("officer_id" with =, daterange("start_date", "end_date", '[]') with &&);`);

    // The busiest day of a substitute over [first_day, last_day] above 1.00 FTE, if any: its own assignments, the
    // absent officer's, and those of the other absences it covers (all but \`ignored\`). The sum is a step function
    // that peaks at the start of some assignment or absence within the period: those days only are checked. It
    // reads every absence and assignment whoever asks (owner's rights): a chief's row security must not hide load.
    this.addSql(`create function sro_substitute_overload(substitute integer, absent integer, first_day date, last_day date, ignored integer)
returns table (day date, fte numeric, assignment_ids integer[]) language sql stable security definer set search_path = pg_catalog, public as $$
  with wanted as (select daterange(first_day, last_day, '[]') as period),
  served as (
    select a.id, a.fte, daterange(a.start_date, a.end_date, '[]') * wanted.period as period
      from public.assignment a, wanted where a.officer_id in (substitute, absent)
    union all
    select a.id, a.fte, daterange(a.start_date, a.end_date, '[]') * daterange(x.start_date, x.end_date, '[]') * wanted.period
      from public.officer_absence x join public.assignment a on a.officer_id = x.officer_id, wanted
     where x.substitute_id = substitute and x.id <> ignored and x.officer_id <> absent),
  live as (select * from served where not isempty(period))
  select days.day, sum(live.fte), array_agg(live.id order by live.id)
    from (select distinct lower(period) as day from live) days join live on live.period @> days.day
   group by days.day having sum(live.fte) > 1 order by days.day limit 1
$$;`);
    this.addSql(`revoke all on function sro_substitute_overload(integer, integer, date, date, integer) from public;`);
    this.addSql(`grant execute on function sro_substitute_overload(integer, integer, date, date, integer) to sro_app;`);

    this.addSql(`create function officer_absence_rules() returns trigger language plpgsql as $$
declare
  busiest record;
  period daterange := daterange(new.start_date, new.end_date, '[]');
begin
  if exists (select 1 from officer_absence x where x.substitute_id = new.officer_id and daterange(x.start_date, x.end_date, '[]') && period) then
    raise exception 'officer % substitutes for another officer in this period and cannot be away', new.officer_id
      using errcode = 'check_violation', constraint = 'officer_absence_substitute_absent';
  end if;
  if new.substitute_id is null then
    return new;
  end if;
  -- Serialise with the assignment rules: one queue per officer whose FTE is summed.
  perform pg_advisory_xact_lock(hashtext('assignment_fte'), new.substitute_id);
  if (tg_op = 'INSERT' or new.substitute_id is distinct from old.substitute_id)
     and not exists (select 1 from officer where id = new.substitute_id and status = 'ACTIVE') then
    raise exception 'officer % is not ACTIVE and cannot substitute', new.substitute_id
      using errcode = 'check_violation', constraint = 'officer_absence_substitute_active';
  end if;
  if exists (select 1 from officer_absence x where x.officer_id = new.substitute_id and daterange(x.start_date, x.end_date, '[]') && period) then
    raise exception 'the substitute, officer %, is away in this period', new.substitute_id
      using errcode = 'check_violation', constraint = 'officer_absence_substitute_absent';
  end if;
  select * into busiest from sro_substitute_overload(new.substitute_id, new.officer_id, new.start_date, new.end_date, new.id);
  if found then
    raise exception 'officer % would serve % FTE on %, more than 1.00 (assignments %)', new.substitute_id, busiest.fte, busiest.day, busiest.assignment_ids
      using errcode = 'check_violation', constraint = 'officer_absence_substitute_fte', detail = 'clashing_id=' || busiest.assignment_ids[1];
  end if;
  return new;
end
$$;`);
    this.addSql(`create constraint trigger "officer_absence_rules" after insert or update of "officer_id", "substitute_id", "start_date", "end_date" on "officer_absence" for each row execute function officer_absence_rules();`);

    // ON_LEAVE becomes an open absence; the audit trail keeps what the status was.
    this.addSql(`insert into officer_absence (officer_id, start_date, end_date, reason, notes)
  select id, least(updated_at::date, current_date), null, 'LEAVE', 'Recorded from the officer status ON_LEAVE when absences were introduced.'
    from officer where status = 'ON_LEAVE';`);
    this.addSql(`update officer set status = 'ACTIVE', version = version + 1, updated_at = now() where status = 'ON_LEAVE';`);
  }

  override async down(): Promise<void> {
    // Open absences for leave go back to the status they came from.
    this.addSql(`update officer set status = 'ON_LEAVE' where status = 'ACTIVE' and id in (select officer_id from officer_absence where reason = 'LEAVE' and end_date is null);`);
    this.addSql(`drop table if exists "officer_absence" cascade;`);
    this.addSql(`drop function if exists officer_absence_rules();`);
    this.addSql(`drop function if exists sro_substitute_overload(integer, integer, date, date, integer);`);
  }
}
