import { Migration } from '@mikro-orm/migrations';

/**
 * The same rule for reading activities, written so that PostgreSQL can plan it (docs/performance.md).
 *
 * `sro_may_see_activity(officer_id)` cannot be inlined (its body has a sub-select), so the policy called it once
 * per row: a quarter's activity report statewide (about 290,000 rows per statement) spent 1.2 s per statement
 * in it, 60 ms without it. Here the actor's settings are read once per statement (`(select ...)` is an InitPlan),
 * and a chief's "own agency's officers" is one hashed sub-plan. Who sees which rows does not change:
 * ADMIN and ANALYST every activity, a chief those of its agency's officers, an officer its own.
 * Writes touch one row at a time and keep their policies on the function.
 */
export class Migration20261127233000_activity_read_policy extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop policy activity_read on activity;`);
    this.addSql(`create policy activity_read on activity for select to sro_app using (
      (select sro_role()) in ('ADMIN', 'ANALYST')
      or ((select sro_role()) = 'AGENCY_CHIEF' and officer_id in (select officer.id from officer where officer.agency_id = (select sro_setting_id('sro.agency_id'))))
      or ((select sro_role()) = 'OFFICER' and officer_id = (select sro_setting_id('sro.officer_id'))));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop policy activity_read on activity;`);
    this.addSql(`create policy activity_read on activity for select to sro_app using (sro_may_see_activity(officer_id));`);
  }
}
