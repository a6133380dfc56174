import { Migration } from '@mikro-orm/migrations';

/**
 * History that does not move, second part: a chief reads and writes the activities done for its agency, by the
 * activity's own agency (`activity.agency_id`, the agency its officer served on the activity's date), not by the
 * officer's agency today. A transfer neither takes an officer's past work away from the agency it was done for nor
 * hands it to the new one. The predicate is activity.policy.ts's (the drift test compares them).
 */
export class Migration20261208300000_activity_agency_scoping extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop policy activity_own_agency on "activity";`);
    this.addSql(`create policy activity_own_agency on "activity" for all to sro_chief
      using (agency_id = (select sro_setting_id('sro.agency_id'))) with check (agency_id = (select sro_setting_id('sro.agency_id')));`);
  }

  override async down(): Promise<void> {
    const chiefsOfficers = `officer_id in (select officer.id from officer where officer.agency_id = (select sro_setting_id('sro.agency_id')))`;
    this.addSql(`drop policy activity_own_agency on "activity";`);
    this.addSql(`create policy activity_own_agency on "activity" for all to sro_chief using (${chiefsOfficers}) with check (${chiefsOfficers});`);
  }
}
