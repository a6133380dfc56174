import { Migration } from '@mikro-orm/migrations';

/**
 * Assignment rules the ORM cannot describe, enforced by PostgreSQL itself:
 * - no officer has two PRIMARY assignments on the same day (exclusion constraint over an inclusive date range);
 * - an officer's summed FTE never exceeds 1.00 on any day;
 * - new assignments go only to ACTIVE officers and active schools.
 * The trigger raises SQLSTATE 23514 (check_violation) with the rule's name as the constraint, so that the API
 * maps it like any other check.
 */
export class Migration20261127222230_assignment_rules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`alter table "assignment" add constraint "assignment_primary_no_overlap" exclude using gist ("officer_id" with =, daterange("start_date", "end_date", '[]') with &&) where ("role" = 'PRIMARY');`);
    this.addSql(`create index "assignment_school_period_index" on "assignment" using gist ("school_id", daterange("start_date", "end_date", '[]'));`);
    this.addSql(`create function assignment_rules() returns trigger language plpgsql as $$
declare
  busiest record;
begin
  if tg_op = 'INSERT' then
    if not exists (select 1 from officer where id = new.officer_id and status = 'ACTIVE') then
      raise exception 'officer % is not ACTIVE and cannot get a new assignment', new.officer_id
        using errcode = 'check_violation', constraint = 'assignment_officer_active';
    end if;
    if not exists (select 1 from school where id = new.school_id and active) then
      raise exception 'school % is not active and cannot get a new assignment', new.school_id
        using errcode = 'check_violation', constraint = 'assignment_school_active';
    end if;
  end if;
  -- Serialise writers per officer so that two transactions cannot both pass the FTE check.
  perform pg_advisory_xact_lock(hashtext('assignment_fte'), new.officer_id);
  -- The summed FTE is a step function that peaks at the start of some assignment: check those days only.
  select day, sum(other.fte) as fte, min(other.id) filter (where other.id <> new.id) as clashing_id
    into busiest
    from (select distinct greatest(overlapping.start_date, new.start_date) as day
            from assignment overlapping
           where overlapping.officer_id = new.officer_id
             and daterange(overlapping.start_date, overlapping.end_date, '[]') && daterange(new.start_date, new.end_date, '[]')) days
    join assignment other
      on other.officer_id = new.officer_id and daterange(other.start_date, other.end_date, '[]') @> days.day
   group by day
  having sum(other.fte) > 1
   order by day
   limit 1;
  if found then
    raise exception 'officer % would serve % FTE on %, more than 1.00 (clashing assignment %)', new.officer_id, busiest.fte, busiest.day, busiest.clashing_id
      using errcode = 'check_violation', constraint = 'assignment_fte_total', detail = 'clashing_id=' || busiest.clashing_id;
  end if;
  return new;
end
$$;`);
    this.addSql(`create constraint trigger "assignment_rules" after insert or update of "officer_id", "school_id", "start_date", "end_date", "fte" on "assignment" for each row execute function assignment_rules();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "assignment_rules" on "assignment";`);
    this.addSql(`drop function if exists assignment_rules();`);
    this.addSql(`drop index if exists "assignment_school_period_index";`);
    this.addSql(`alter table "assignment" drop constraint if exists "assignment_primary_no_overlap";`);
  }
}
