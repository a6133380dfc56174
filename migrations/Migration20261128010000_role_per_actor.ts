import { Migration } from '@mikro-orm/migrations';

const ROLES = ['sro_admin', 'sro_analyst', 'sro_chief', 'sro_officer'];

const own = (setting: string) => `(select sro_setting_id('sro.${setting}'))`;
const chiefsOfficers = `(select officer.id from officer where officer.agency_id = ${own('agency_id')})`;

/**
 * Row security with one PostgreSQL role per kind of actor (docs/performance.md). A request's transaction acts
 * as `sro_admin`, `sro_analyst`, `sro_chief` or `sro_officer` (each a member of `sro_app`, which holds the
 * grants), and each policy names the roles it is for. Who sees and writes which rows does not change; what
 * changes is what PostgreSQL plans: where a role sees every row its policy is `true`, and the plan is the one
 * without row security (the officers page went from a sequential scan of 5,000 rows filtered by a function
 * call per row, then a sort, to the name index); where a role sees some rows, the actor's settings are read
 * once per statement (`(select ...)`). With one role for everybody, every row of every read was checked
 * against every kind of actor.
 */
export class Migration20261128010000_role_per_actor extends Migration {
  override async up(): Promise<void> {
    for (const role of ROLES) {
      this.addSql(`do $$ begin
  if not exists (select 1 from pg_roles where rolname = '${role}') then create role ${role} nologin; end if;
end $$;`);
      this.addSql(`grant sro_app to ${role};`);
      this.addSql(`grant ${role} to current_user;`);
    }
    // Every policy of the earlier migrations goes; the same rules come back below, per role.
    this.addSql(`do $$ declare p record; begin
  for p in select policyname, tablename from pg_policies where schemaname = current_schema() loop
    execute format('drop policy %I on %I', p.policyname, p.tablename);
  end loop;
end $$;`);

    const policy = (name: string, table: string, command: string, roles: string, using: string | null, check: string | null = using) =>
      this.addSql(
        `create policy ${name} on "${table}" for ${command} to ${roles}` +
          (using === null ? '' : ` using (${using})`) +
          (check === null ? '' : ` with check (${check})`) +
          ';',
      );
    const everyoneButOfficers = 'sro_admin, sro_analyst, sro_chief';

    // Agencies: everyone reads them, an officer only its own; ADMIN writes.
    policy('agency_read_all', 'agency', 'select', everyoneButOfficers, 'true', null);
    policy('agency_read_own', 'agency', 'select', 'sro_officer', `id = ${own('agency_id')}`, null);
    for (const command of ['insert', 'update', 'delete']) policy(`agency_${command}`, 'agency', command, 'sro_admin', command === 'insert' ? null : 'true', command === 'delete' ? null : 'true');

    // Officers: everyone but an officer reads all (coverage names them); a chief writes its own agency's.
    policy('officer_read_all', 'officer', 'select', everyoneButOfficers, 'true', null);
    policy('officer_read_self', 'officer', 'select', 'sro_officer', `id = ${own('officer_id')}`, null);
    policy('officer_insert', 'officer', 'insert', 'sro_admin', null, 'true');
    policy('officer_insert_own_agency', 'officer', 'insert', 'sro_chief', null, `agency_id = ${own('agency_id')}`);
    policy('officer_update', 'officer', 'update', 'sro_admin', 'true');
    policy('officer_update_own_agency', 'officer', 'update', 'sro_chief', `agency_id = ${own('agency_id')}`);
    policy('officer_delete', 'officer', 'delete', 'sro_admin', 'true', null);

    // Schools and assignments: district-wide for all but an officer, who reads its own; ADMIN writes.
    policy('school_read_all', 'school', 'select', everyoneButOfficers, 'true', null);
    policy(
      'school_read_assigned',
      'school',
      'select',
      'sro_officer',
      `exists (select 1 from assignment where assignment.school_id = school.id and assignment.officer_id = ${own('officer_id')})`,
      null,
    );
    policy('assignment_read_all', 'assignment', 'select', everyoneButOfficers, 'true', null);
    policy('assignment_read_own', 'assignment', 'select', 'sro_officer', `officer_id = ${own('officer_id')}`, null);
    for (const table of ['school', 'assignment']) {
      for (const command of ['insert', 'update', 'delete']) policy(`${table}_${command}`, table, command, 'sro_admin', command === 'insert' ? null : 'true', command === 'delete' ? null : 'true');
    }

    // Activities: an agency's business. ADMIN and ANALYST read all, a chief reads and writes its own officers',
    // an officer its own; ADMIN writes any.
    policy('activity_read_all', 'activity', 'select', 'sro_admin, sro_analyst', 'true', null);
    policy('activity_write_all', 'activity', 'all', 'sro_admin', 'true');
    policy('activity_own_agency', 'activity', 'all', 'sro_chief', `officer_id in ${chiefsOfficers}`);
    policy('activity_own', 'activity', 'all', 'sro_officer', `officer_id = ${own('officer_id')}`);

    // Accounts: ADMIN manages them; everyone reads itself, its sessions and its API tokens.
    policy('app_user_all', 'app_user', 'all', 'sro_admin', 'true');
    policy('app_user_read_self', 'app_user', 'select', 'sro_analyst, sro_chief, sro_officer', `id = ${own('user_id')}`, null);
    policy('session_all', 'session', 'all', 'sro_admin', 'true');
    policy('session_own', 'session', 'all', 'sro_analyst, sro_chief, sro_officer', `user_id = ${own('user_id')}`);
    policy('api_token_own', 'api_token', 'all', 'sro_app', `user_id = ${own('user_id')}`);

    // The audit trail: everyone's changes add to it (as themselves); ADMIN reads it all, others only what they
    // wrote (INSERT ... RETURNING needs that); nobody changes it (see its trigger).
    policy('audit_event_insert', 'audit_event', 'insert', 'sro_app', null, `actor_user_id = ${own('user_id')}`);
    policy('audit_event_read_all', 'audit_event', 'select', 'sro_admin', 'true', null);
    policy('audit_event_read_own', 'audit_event', 'select', 'sro_analyst, sro_chief, sro_officer', `actor_user_id = ${own('user_id')}`, null);

    this.addSql(`drop function sro_may_see_activity(integer);`);
  }

  override async down(): Promise<void> {
    throw new Error('role_per_actor cannot be undone: restore a backup taken before it');
  }
}
