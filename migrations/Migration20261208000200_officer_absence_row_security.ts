import { Migration } from '@mikro-orm/migrations';

const own = (setting: string) => `(select sro_setting_id('sro.${setting}'))`;
const chiefsOfficers = `(select officer.id from officer where officer.agency_id = ${own('agency_id')})`;

/**
 * Row security for absences, per request role as in migration role_per_actor (officer-absence.policy.ts says the
 * same): ADMIN and ANALYST read all, a chief its officers' absences (absent or substituting), an officer its own.
 * ADMIN writes any; a chief its own officers', with a substitute of its own agency or none.
 */
export class Migration20261208000200_officer_absence_row_security extends Migration {
  override async up(): Promise<void> {
    this.addSql(`grant select, insert, update, delete on officer_absence to sro_app;`);
    this.addSql(`grant usage, select on sequence officer_absence_id_seq to sro_app;`);
    this.addSql(`alter table "officer_absence" enable row level security;`);
    const policy = (name: string, command: string, roles: string, using: string | null, check: string | null = using) =>
      this.addSql(
        `create policy ${name} on "officer_absence" for ${command} to ${roles}` +
          (using === null ? '' : ` using (${using})`) +
          (check === null ? '' : ` with check (${check})`) +
          ';',
      );
    policy('officer_absence_read_all', 'select', 'sro_admin, sro_analyst', 'true', null);
    policy('officer_absence_read_own_agency', 'select', 'sro_chief', `officer_id in ${chiefsOfficers} or substitute_id in ${chiefsOfficers}`, null);
    policy('officer_absence_read_own', 'select', 'sro_officer', `officer_id = ${own('officer_id')}`, null);
    policy('officer_absence_write_all', 'all', 'sro_admin', 'true');
    const chiefWrites = `officer_id in ${chiefsOfficers} and (substitute_id is null or substitute_id in ${chiefsOfficers})`;
    for (const command of ['insert', 'update', 'delete']) {
      policy(`officer_absence_${command}_own_agency`, command, 'sro_chief', command === 'insert' ? null : chiefWrites, command === 'delete' ? null : chiefWrites);
    }
  }

  override async down(): Promise<void> {
    for (const name of ['read_all', 'read_own_agency', 'read_own', 'write_all', 'insert_own_agency', 'update_own_agency', 'delete_own_agency']) {
      this.addSql(`drop policy if exists officer_absence_${name} on "officer_absence";`);
    }
    this.addSql(`alter table "officer_absence" disable row level security;`);
    this.addSql(`revoke all on officer_absence from sro_app;`);
    this.addSql(`revoke all on sequence officer_absence_id_seq from sro_app;`);
  }
}
