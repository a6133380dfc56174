import { Migration } from '@mikro-orm/migrations';

/**
 * Defence in depth: PostgreSQL row-level security below the resolvers' policies. Each signed-in request runs
 * its transaction as the non-owner role `sro_app` with the actor in settings (sro.role, sro.user_id,
 * sro.agency_id, sro.officer_id), so a query that forgets a policy still sees only the actor's rows.
 * The owner (migrations, sign-in, aggregate reports) is not subject to these policies.
 */
export class Migration20261127224000_row_level_security extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'sro_app') then create role sro_app nologin; end if;
end $$;`);
    this.addSql(`grant sro_app to current_user;`);
    this.addSql(`grant usage on schema public to sro_app;`);
    this.addSql(`grant select, insert, update, delete on agency, officer, school, assignment, activity, app_user, session, api_token to sro_app;`);
    this.addSql(`grant select, insert on audit_event to sro_app;`);
    this.addSql(`grant usage, select on all sequences in schema public to sro_app;`);

    this.addSql(`create function sro_role() returns text language sql stable as $$ select coalesce(current_setting('sro.role', true), '') $$;`);
    this.addSql(`create function sro_setting_id(name text) returns integer language sql stable as $$ select nullif(current_setting(name, true), '')::integer $$;`);

    for (const table of ['agency', 'officer', 'school', 'assignment', 'activity', 'app_user', 'session', 'api_token', 'audit_event']) {
      this.addSql(`alter table "${table}" enable row level security;`);
    }

    // Agencies: everyone reads them, an officer only its own; ADMIN writes.
    this.addSql(`create policy agency_read on agency for select to sro_app using (sro_role() in ('ADMIN', 'ANALYST', 'AGENCY_CHIEF') or id = sro_setting_id('sro.agency_id'));`);
    this.addSql(`create policy agency_write on agency for all to sro_app using (sro_role() = 'ADMIN') with check (sro_role() = 'ADMIN');`);

    // Officers: everyone but an officer reads all (coverage names them); a chief writes its own agency's.
    this.addSql(`create policy officer_read on officer for select to sro_app using (sro_role() in ('ADMIN', 'ANALYST', 'AGENCY_CHIEF') or id = sro_setting_id('sro.officer_id'));`);
    this.addSql(`create policy officer_insert on officer for insert to sro_app with check (sro_role() = 'ADMIN' or (sro_role() = 'AGENCY_CHIEF' and agency_id = sro_setting_id('sro.agency_id')));`);
    this.addSql(`create policy officer_update on officer for update to sro_app
      using (sro_role() = 'ADMIN' or (sro_role() = 'AGENCY_CHIEF' and agency_id = sro_setting_id('sro.agency_id')))
      with check (sro_role() = 'ADMIN' or (sro_role() = 'AGENCY_CHIEF' and agency_id = sro_setting_id('sro.agency_id')));`);
    this.addSql(`create policy officer_delete on officer for delete to sro_app using (sro_role() = 'ADMIN');`);

    // Schools: everyone reads them, an officer only those it is assigned to; ADMIN writes.
    this.addSql(`create policy school_read on school for select to sro_app using (
      sro_role() in ('ADMIN', 'ANALYST', 'AGENCY_CHIEF')
      or exists (select 1 from assignment where assignment.school_id = school.id and assignment.officer_id = sro_setting_id('sro.officer_id')));`);
    this.addSql(`create policy school_write on school for all to sro_app using (sro_role() = 'ADMIN') with check (sro_role() = 'ADMIN');`);

    // Assignments: district-wide coverage for all but an officer, who reads its own; ADMIN writes.
    this.addSql(`create policy assignment_read on assignment for select to sro_app using (sro_role() in ('ADMIN', 'ANALYST', 'AGENCY_CHIEF') or officer_id = sro_setting_id('sro.officer_id'));`);
    this.addSql(`create policy assignment_write on assignment for all to sro_app using (sro_role() = 'ADMIN') with check (sro_role() = 'ADMIN');`);

    // Activities: an agency's business. A chief reads and writes its own officers', an officer its own.
    this.addSql(`create function sro_may_see_activity(activity_officer_id integer) returns boolean language sql stable as $$
      select sro_role() in ('ADMIN', 'ANALYST')
          or (sro_role() = 'AGENCY_CHIEF' and exists (select 1 from officer where officer.id = activity_officer_id and officer.agency_id = sro_setting_id('sro.agency_id')))
          or (sro_role() = 'OFFICER' and activity_officer_id = sro_setting_id('sro.officer_id')) $$;`);
    this.addSql(`create policy activity_read on activity for select to sro_app using (sro_may_see_activity(officer_id));`);
    this.addSql(`create policy activity_insert on activity for insert to sro_app with check (sro_role() <> 'ANALYST' and sro_may_see_activity(officer_id));`);
    this.addSql(`create policy activity_update on activity for update to sro_app
      using (sro_role() <> 'ANALYST' and sro_may_see_activity(officer_id)) with check (sro_role() <> 'ANALYST' and sro_may_see_activity(officer_id));`);
    this.addSql(`create policy activity_delete on activity for delete to sro_app using (sro_role() <> 'ANALYST' and sro_may_see_activity(officer_id));`);

    // Accounts: ADMIN manages them; everyone reads itself, its sessions and its API tokens.
    this.addSql(`create policy app_user_read on app_user for select to sro_app using (sro_role() = 'ADMIN' or id = sro_setting_id('sro.user_id'));`);
    this.addSql(`create policy app_user_write on app_user for all to sro_app using (sro_role() = 'ADMIN') with check (sro_role() = 'ADMIN');`);
    this.addSql(`create policy session_own on session for all to sro_app using (sro_role() = 'ADMIN' or user_id = sro_setting_id('sro.user_id'))
      with check (sro_role() = 'ADMIN' or user_id = sro_setting_id('sro.user_id'));`);
    this.addSql(`create policy api_token_own on api_token for all to sro_app using (user_id = sro_setting_id('sro.user_id')) with check (user_id = sro_setting_id('sro.user_id'));`);

    // The audit trail: everyone's changes add to it (as themselves); ADMIN reads it all, others only what they
    // just wrote (INSERT ... RETURNING needs that); nobody changes it (see its trigger).
    this.addSql(`create policy audit_event_insert on audit_event for insert to sro_app with check (actor_user_id = sro_setting_id('sro.user_id'));`);
    this.addSql(`create policy audit_event_read on audit_event for select to sro_app using (sro_role() = 'ADMIN' or actor_user_id = sro_setting_id('sro.user_id'));`);
  }

  override async down(): Promise<void> {
    for (const table of ['agency', 'officer', 'school', 'assignment', 'activity', 'app_user', 'session', 'api_token', 'audit_event']) {
      this.addSql(`alter table "${table}" disable row level security;`);
    }
    for (const [policy, table] of [
      ['agency_read', 'agency'], ['agency_write', 'agency'], ['officer_read', 'officer'], ['officer_insert', 'officer'], ['officer_update', 'officer'],
      ['officer_delete', 'officer'], ['school_read', 'school'], ['school_write', 'school'], ['assignment_read', 'assignment'], ['assignment_write', 'assignment'],
      ['activity_read', 'activity'], ['activity_insert', 'activity'], ['activity_update', 'activity'], ['activity_delete', 'activity'],
      ['app_user_read', 'app_user'], ['app_user_write', 'app_user'], ['session_own', 'session'], ['api_token_own', 'api_token'],
      ['audit_event_insert', 'audit_event'], ['audit_event_read', 'audit_event'],
    ]) {
      this.addSql(`drop policy if exists ${policy} on "${table}";`);
    }
    this.addSql(`drop function if exists sro_may_see_activity(integer);`);
    this.addSql(`drop function if exists sro_setting_id(text);`);
    this.addSql(`drop function if exists sro_role();`);
    this.addSql(`revoke all on all tables in schema public from sro_app;`);
    this.addSql(`revoke all on all sequences in schema public from sro_app;`);
    this.addSql(`revoke usage on schema public from sro_app;`);
  }
}
