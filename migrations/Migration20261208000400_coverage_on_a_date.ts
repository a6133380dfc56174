import { Migration } from '@mikro-orm/migrations';

/**
 * Coverage on a date reads who is away and who substitutes (modules/report/coverage-report.service.ts). Coverage is
 * district-wide, but a chief's row security shows it only its own agency's absences (migration
 * officer_absence_row_security): this function answers, for one date, only the facts coverage needs (which officer
 * is away, and its substitute), with the owner's rights, never the reason or the notes.
 */
export class Migration20261208000400_coverage_on_a_date extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function sro_away_on(day date) returns table (absence_id integer, officer_id integer, substitute_id integer)
language sql stable security definer set search_path = pg_catalog, public as $$
  select x.id, x.officer_id, x.substitute_id from public.officer_absence x
   where x.start_date <= day and (x.end_date is null or x.end_date >= day)
$$;`);
    this.addSql(`revoke all on function sro_away_on(date) from public;`);
    this.addSql(`grant execute on function sro_away_on(date) to sro_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sro_away_on(date);`);
  }
}
