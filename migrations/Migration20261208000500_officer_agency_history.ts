import { Migration } from '@mikro-orm/migrations';

/**
 * History that does not move, first part: an activity keeps the agency its officer served on its date.
 * - `officer_agency_period`: which agency an officer served from which day (inclusive; end null = still), kept by
 *   PostgreSQL alone. Every officer starts with one open period from the beginning of time; a change of
 *   `officer.agency_id` ends the open period yesterday and opens the next from today (no two periods of one officer
 *   overlap: an exclusion constraint). Request roles have no grant on it: the trigger functions own the writes.
 * - `activity.agency_id`: set by a trigger on every insert and on every change of officer, date or agency, from the
 *   periods (`sro_officer_agency_on`), never from what a client sends; existing activities take their officer's
 *   current agency (there was no history before).
 */
export class Migration20261208000500_officer_agency_history extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "officer_agency_period" ("id" serial primary key, "officer_id" int not null, "agency_id" int not null, "start_date" date not null, "end_date" date null);`);
    this.addSql(`create index "officer_agency_period_agency_index" on "officer_agency_period" ("agency_id");`);
    this.addSql(`alter table "officer_agency_period" add constraint "officer_agency_period_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "officer_agency_period" add constraint "officer_agency_period_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "officer_agency_period" add constraint "officer_agency_period_no_overlap" exclude using gist ("officer_id" with =, daterange("start_date", "end_date", '[]') with &&);`);
    this.addSql(`alter table "officer_agency_period" enable row level security;`);
    this.addSql(`insert into officer_agency_period (officer_id, agency_id, start_date, end_date) select id, agency_id, '-infinity', null from officer;`);

    this.addSql(`create function sro_officer_agency_on(officer integer, day date) returns integer
language sql stable security definer set search_path = pg_catalog, public as $$
  select coalesce(
    (select p.agency_id from public.officer_agency_period p
      where p.officer_id = officer and p.start_date <= day and (p.end_date is null or p.end_date >= day)),
    (select o.agency_id from public.officer o where o.id = officer))
$$;`);
    this.addSql(`revoke all on function sro_officer_agency_on(integer, date) from public;`);
    this.addSql(`grant execute on function sro_officer_agency_on(integer, date) to sro_app;`);

    // Owner's rights: the writer (an ADMIN or a chief) has no grant on the periods.
    this.addSql(`create function officer_agency_history() returns trigger language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  if tg_op = 'INSERT' then
    insert into public.officer_agency_period (officer_id, agency_id, start_date) values (new.id, new.agency_id, '-infinity');
  elsif new.agency_id is distinct from old.agency_id then
    -- A second move on the same day replaces the first: the period that started today takes the new agency.
    delete from public.officer_agency_period where officer_id = new.id and end_date is null and start_date = current_date;
    update public.officer_agency_period set end_date = current_date - 1 where officer_id = new.id and end_date is null;
    insert into public.officer_agency_period (officer_id, agency_id, start_date) values (new.id, new.agency_id, current_date);
  end if;
  return new;
end
$$;`);
    this.addSql(`revoke all on function officer_agency_history() from public;`);
    this.addSql(`create trigger "officer_agency_history" after insert or update of "agency_id" on "officer" for each row execute function officer_agency_history();`);

    this.addSql(`alter table "activity" add column "agency_id" int null;`);
    this.addSql(`update activity set agency_id = officer.agency_id from officer where officer.id = activity.officer_id;`);
    this.addSql(`alter table "activity" add constraint "activity_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "activity_agency_index" on "activity" ("agency_id");`);
    this.addSql(`alter table "activity" add constraint activity_agency_set check(agency_id is not null);`);
    this.addSql(`create function activity_agency() returns trigger language plpgsql as $$
begin
  new.agency_id := sro_officer_agency_on(new.officer_id, new.date);
  return new;
end
$$;`);
    this.addSql(`create trigger "activity_agency" before insert or update of "officer_id", "date", "agency_id" on "activity" for each row execute function activity_agency();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "activity_agency" on "activity";`);
    this.addSql(`drop function if exists activity_agency();`);
    this.addSql(`alter table "activity" drop column if exists "agency_id";`);
    this.addSql(`drop trigger if exists "officer_agency_history" on "officer";`);
    this.addSql(`drop function if exists officer_agency_history();`);
    this.addSql(`drop function if exists sro_officer_agency_on(integer, date);`);
    this.addSql(`drop table if exists "officer_agency_period" cascade;`);
  }
}
