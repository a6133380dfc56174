import { Migration } from '@mikro-orm/migrations';

/**
 * The substitute's 1.00 FTE holds when assignments change too (migration officer_absence checks it when absences
 * change): a new or changed assignment of a substitute, or of an officer whose absence a substitute covers, must
 * leave that substitute within 1.00 FTE on every day of the absence. Same function, same constraint name.
 */
export class Migration20261208000600_assignment_substitute_load extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function assignment_substitute_load() returns trigger language plpgsql security definer set search_path = pg_catalog, public as $$
declare
  covering record;
  busiest record;
begin
  for covering in
    select x.id, x.officer_id, x.substitute_id, x.start_date, x.end_date from public.officer_absence x
     where x.substitute_id is not null and new.officer_id in (x.officer_id, x.substitute_id)
       and daterange(x.start_date, x.end_date, '[]') && daterange(new.start_date, new.end_date, '[]')
  loop
    perform pg_advisory_xact_lock(hashtext('assignment_fte'), covering.substitute_id);
    select * into busiest from sro_substitute_overload(covering.substitute_id, covering.officer_id, covering.start_date, covering.end_date, covering.id);
    if found then
      raise exception 'officer % substitutes in absence % and would serve % FTE on %, more than 1.00 (assignments %)',
        covering.substitute_id, covering.id, busiest.fte, busiest.day, busiest.assignment_ids
        using errcode = 'check_violation', constraint = 'officer_absence_substitute_fte', detail = 'clashing_id=' || busiest.assignment_ids[1];
    end if;
  end loop;
  return new;
end
$$;`);
    this.addSql(`revoke all on function assignment_substitute_load() from public;`);
    this.addSql(`create constraint trigger "assignment_substitute_load" after insert or update of "officer_id", "start_date", "end_date", "fte" on "assignment" for each row execute function assignment_substitute_load();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "assignment_substitute_load" on "assignment";`);
    this.addSql(`drop function if exists assignment_substitute_load();`);
  }
}
