import { Migration } from '@mikro-orm/migrations';

const REQUEST_ROLES = ['sro_admin', 'sro_analyst', 'sro_chief', 'sro_officer'];

/**
 * Row security that survives an injected statement (docs/deployment.md). The server's connections log in as
 * `sro_runtime`: not a superuser, owner of nothing, holding no privilege of its own but reading the list of
 * applied migrations, and able only to switch to the four request roles and `sro_signin`. Migrations keep
 * running as the owner.
 *
 * - `sro_runtime` inherits nothing (NOINHERIT, and on PostgreSQL 16 or later each grant without INHERIT): it
 *   has a role's privileges only once it has switched to it, and at rest it can read no table at all.
 * - The credential check at the start of a request runs before any role is set, so it reads through functions
 *   owned by the owner (SECURITY DEFINER) that answer only for a given token's hash: nobody can list sessions.
 * - `sro_signin` is what an anonymous request acts as: sign-in and its bookkeeping (accounts, sessions, the
 *   last use of API tokens, the throttle, the audit events of sign-ins).
 * - The chiefs' district-wide aggregates run as `sro_analyst` (every row, no writes), not as the owner.
 * - The audit trail accepts only INSERT from any of these (no UPDATE, DELETE or TRUNCATE grant; its trigger too).
 */
export class Migration20261202020000_runtime_role extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'sro_signin') then create role sro_signin nologin; end if;
  if not exists (select 1 from pg_roles where rolname = 'sro_runtime') then create role sro_runtime login noinherit; end if;
end $$;`);
    // An operator may have created sro_runtime (with a password): refuse one that could bypass row security.
    this.addSql(`do $$ declare runtime pg_roles; begin
  select * into runtime from pg_roles where rolname = 'sro_runtime';
  if runtime.rolsuper or runtime.rolbypassrls or runtime.rolcreaterole or runtime.rolcreatedb or runtime.rolreplication then
    raise exception 'role sro_runtime must not be a superuser or have BYPASSRLS, CREATEROLE, CREATEDB or REPLICATION (docs/deployment.md)';
  end if;
  if exists (select 1 from pg_database where datname = current_database() and datdba = runtime.oid)
    or exists (select 1 from pg_class where relowner = runtime.oid and relnamespace = 'public'::regnamespace) then
    raise exception 'role sro_runtime must own neither the database nor its tables: migrate as the owner (docs/deployment.md)';
  end if;
  if runtime.rolinherit then alter role sro_runtime noinherit; end if;
end $$;`);
    // Switching roles without inheriting their privileges; PostgreSQL 16 keeps the choice per grant.
    const members = [...REQUEST_ROLES, 'sro_signin'].join(', ');
    this.addSql(`do $$ begin
  if current_setting('server_version_num')::integer >= 160000 then
    execute 'grant ${members} to sro_runtime with inherit false, set true';
  else
    execute 'grant ${members} to sro_runtime';
  end if;
end $$;`);
    // The owner may act as them too (a DATABASE_URL that still logs in as the owner switches to sro_runtime).
    this.addSql(`grant sro_runtime, sro_signin to current_user;`);

    // The one table it reads: which migrations are applied, for /readyz (monitoring/health.ts).
    this.addSql(`grant select on mikro_orm_migrations to sro_runtime;`);

    // Sign-in (login, and the last use of a session or API token) acts as sro_signin.
    this.addSql(`grant usage on schema public to sro_signin;`);
    this.addSql(`grant select, update on app_user, api_token to sro_signin;`);
    this.addSql(`grant select, insert, update on session to sro_signin;`);
    this.addSql(`grant select, insert, update, delete on login_throttle to sro_signin;`);
    this.addSql(`grant select, insert on audit_event to sro_signin;`);
    this.addSql(`grant select on agency, officer to sro_signin;`);
    this.addSql(`grant usage on sequence session_id_seq, audit_event_id_seq to sro_signin;`);
    const policy = (name: string, table: string, command: string, using: string | null, check: string | null = null) =>
      this.addSql(
        `create policy ${name} on "${table}" for ${command} to sro_signin` +
          (using === null ? '' : ` using (${using})`) +
          (check === null ? '' : ` with check (${check})`) +
          ';',
      );
    for (const table of ['app_user', 'session', 'api_token', 'agency', 'officer']) policy(`${table}_read_signin`, table, 'select', 'true');
    for (const table of ['app_user', 'session', 'api_token']) policy(`${table}_update_signin`, table, 'update', 'true', 'true');
    policy('session_insert_signin', 'session', 'insert', null, 'true');
    // Audit events of sign-in: anonymous, or the signed-in actor's own (INSERT ... RETURNING reads them back).
    const ownOrAnonymous = `actor_user_id is null or actor_user_id = (select sro_setting_id('sro.user_id'))`;
    policy('audit_event_insert_signin', 'audit_event', 'insert', null, ownOrAnonymous);
    policy('audit_event_read_signin', 'audit_event', 'select', ownOrAnonymous);

    // The credential check, by a token's hash only (common/row-security.ts, modules/auth/auth.service.ts). Each
    // returns the table's whole row type, so that columns added later are there without a new function.
    const definer = (signature: string, returns: string, language: string, body: string) => {
      this.addSql(`create function ${signature} returns ${returns} language ${language} security definer as $$ ${body} $$;`);
      this.addSql(`revoke all on function ${signature} from public;`);
      this.addSql(`grant execute on function ${signature} to sro_runtime, sro_signin;`);
    };
    // At most one row each (token hashes are unique): `rows 1` tells the planner so.
    definer(
      'sro_session_by_token(token_hash text)',
      'setof public.session',
      'plpgsql stable rows 1',
      'begin return query select * from public.session c where c.token_hash = sro_session_by_token.token_hash; end',
    );
    definer(
      'sro_api_token_by_token(token_hash text)',
      'setof public.api_token',
      'plpgsql stable rows 1',
      'begin return query select * from public.api_token c where c.token_hash = sro_api_token_by_token.token_hash; end',
    );
    definer(
      'sro_user_by_token(token_hash text)',
      'setof public.app_user',
      'plpgsql stable rows 1',
      `begin return query select u.* from public.app_user u where u.id in (
         select c.user_id from public.session c where c.token_hash = sro_user_by_token.token_hash
         union all select c.user_id from public.api_token c where c.token_hash = sro_user_by_token.token_hash); end`,
    );
    // The last use, written at most once a minute, also by a CSV export's check (outside any transaction).
    definer(
      'sro_touch_session(session_id integer, used_at timestamptz)',
      'void',
      'sql volatile',
      'update public.session set last_used_at = used_at where id = session_id',
    );
    definer(
      'sro_touch_api_token(api_token_id integer, used_at timestamptz)',
      'void',
      'sql volatile',
      'update public.api_token set last_used_at = used_at where id = api_token_id',
    );
  }

  override async down(): Promise<void> {
    for (const signature of [
      'sro_session_by_token(text)',
      'sro_api_token_by_token(text)',
      'sro_user_by_token(text)',
      'sro_touch_session(integer, timestamptz)',
      'sro_touch_api_token(integer, timestamptz)',
    ]) {
      this.addSql(`drop function if exists ${signature};`);
    }
    this.addSql(`do $$ declare p record; begin
  for p in select policyname, tablename from pg_policies where schemaname = current_schema() and 'sro_signin' = any (roles) loop
    execute format('drop policy %I on %I', p.policyname, p.tablename);
  end loop;
end $$;`);
    this.addSql(`revoke all on all tables in schema public from sro_signin;`);
    this.addSql(`revoke all on all sequences in schema public from sro_signin;`);
    this.addSql(`revoke usage on schema public from sro_signin;`);
    this.addSql(`revoke select on mikro_orm_migrations from sro_runtime;`);
    // The roles stay: they belong to the cluster, and other databases may use them.
  }
}
