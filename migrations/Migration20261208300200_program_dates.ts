import { Migration } from '@mikro-orm/migrations';

/**
 * History that does not move, third part: the program's own dates.
 * - `officer.left_program_on`: the officer's last day in the program; staffing and coverage on a later date do not
 *   count the officer. Officers already INACTIVE left on the day of their last change (the best the data knows).
 * - `school.deactivated_on`: the school's last day in the program; inactive schools take the day of their last change.
 * - An assignment ends on or before both (`assignment_within_service`, `assignment_within_school`): ending a service
 *   or deactivating a school ends its open assignments first, in the same transaction.
 */
export class Migration20261208300200_program_dates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "officer" add column "left_program_on" date null;`);
    this.addSql(`update officer set left_program_on = updated_at::date where status = 'INACTIVE';`);
    this.addSql(`alter table "school" add column "deactivated_on" date null;`);
    this.addSql(`update school set deactivated_on = updated_at::date where not active;`);
    this.addSql(`create function assignment_within_program() returns trigger language plpgsql as $$
declare
  officer_left date := (select left_program_on from public.officer where id = new.officer_id);
  school_closed date := (select deactivated_on from public.school where id = new.school_id);
begin
  if officer_left is not null and (new.end_date is null or new.end_date > officer_left) then
    raise exception 'assignment % runs past its officer''s last day in the program (%)', new.id, officer_left
      using errcode = 'check_violation', constraint = 'assignment_within_service';
  end if;
  if school_closed is not null and (new.end_date is null or new.end_date > school_closed) then
    raise exception 'assignment % runs past its school''s last day in the program (%)', new.id, school_closed
      using errcode = 'check_violation', constraint = 'assignment_within_school';
  end if;
  return new;
end
$$;`);
    this.addSql(`create trigger "assignment_within_program" before insert or update of "officer_id", "school_id", "end_date" on "assignment"
      for each row execute function assignment_within_program();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "assignment_within_program" on "assignment";`);
    this.addSql(`drop function if exists assignment_within_program();`);
    this.addSql(`alter table "school" drop column if exists "deactivated_on";`);
    this.addSql(`alter table "officer" drop column if exists "left_program_on";`);
  }
}
