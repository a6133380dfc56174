import { Migration } from '@mikro-orm/migrations';

/**
 * Dated transfers between agencies (`transferOfficer`). A change of `officer.agency_id` takes effect on the day
 * in the transaction-local setting `sro.transfer_on` (set by transferOfficer), or today when it is not set
 * (updateOfficer, as before). The open period ends the day before, the new one opens that day, and the activities
 * on or after it are credited again by `activity_agency` (the database sets an activity's agency: a backdated
 * transfer re-credits the work done since its date to the new agency). A transfer cannot start before the open
 * period does (`officer_transfer_after_last`): history before the last move stays as it was.
 */
export class Migration20261208300100_officer_transfer extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function officer_agency_history() returns trigger language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  moved_on date := coalesce(nullif(current_setting('sro.transfer_on', true), '')::date, current_date);
begin
  if tg_op = 'INSERT' then
    insert into public.officer_agency_period (officer_id, agency_id, start_date) values (new.id, new.agency_id, '-infinity');
  elsif new.agency_id is distinct from old.agency_id then
    if exists (select 1 from public.officer_agency_period where officer_id = new.id and end_date is null and start_date > moved_on) then
      raise exception 'officer % moved agencies after %', new.id, moved_on
        using errcode = 'check_violation', constraint = 'officer_transfer_after_last';
    end if;
    -- A second move on the same day replaces the first: the period that started that day takes the new agency.
    delete from public.officer_agency_period where officer_id = new.id and end_date is null and start_date = moved_on;
    update public.officer_agency_period set end_date = moved_on - 1 where officer_id = new.id and end_date is null;
    insert into public.officer_agency_period (officer_id, agency_id, start_date) values (new.id, new.agency_id, moved_on);
    -- activity_agency sets each one's agency again from the periods.
    update public.activity set agency_id = null where officer_id = new.id and date >= moved_on;
  end if;
  return new;
end
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function officer_agency_history() returns trigger language plpgsql security definer set search_path = pg_catalog, public as $$
begin
  if tg_op = 'INSERT' then
    insert into public.officer_agency_period (officer_id, agency_id, start_date) values (new.id, new.agency_id, '-infinity');
  elsif new.agency_id is distinct from old.agency_id then
    delete from public.officer_agency_period where officer_id = new.id and end_date is null and start_date = current_date;
    update public.officer_agency_period set end_date = current_date - 1 where officer_id = new.id and end_date is null;
    insert into public.officer_agency_period (officer_id, agency_id, start_date) values (new.id, new.agency_id, current_date);
  end if;
  return new;
end
$$;`);
  }
}
