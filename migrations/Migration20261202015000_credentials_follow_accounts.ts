import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16, items 4 to 6: throttle keys hold an e-mail and a client address (text, not 300 characters), an API
 * token has an expiry (tokens issued before get a year from their creation), and an officer's user is bound to
 * its officer's agency by triggers (a composite foreign key would say it too, but the entities cannot describe
 * one, so the migration check would ask to drop it).
 */
export class Migration20261202015000_credentials_follow_accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "login_throttle" alter column "key" type text;`);

    this.addSql(`alter table "api_token" add column "expires_at" timestamptz null;`);
    this.addSql(`update "api_token" set "expires_at" = "created_at" + interval '365 days';`);
    this.addSql(`alter table "api_token" alter column "expires_at" set not null;`);
    // ADMIN revokes a user's API tokens at a password reset or a deactivation, as it ends the user's sessions.
    this.addSql(`create policy api_token_all on "api_token" for all to sro_admin using (true) with check (true);`);

    // An officer's user takes its agency from its officer record, on every write of either (the functions run as
    // their owner: a chief moving its officer may not write accounts itself).
    this.addSql(`create function app_user_agency_of_officer() returns trigger language plpgsql security definer set search_path from current as $$
begin
  if new.officer_id is not null then
    new.agency_id := (select agency_id from officer where id = new.officer_id);
  end if;
  return new;
end
$$;`);
    // Trigger functions only: nobody calls them (PostgreSQL grants EXECUTE to PUBLIC by default).
    this.addSql(`revoke all on function app_user_agency_of_officer() from public;`);
    this.addSql(`create trigger "app_user_agency_of_officer" before insert or update of officer_id, agency_id on "app_user" for each row execute function app_user_agency_of_officer();`);
    this.addSql(`create function officer_user_follows_agency() returns trigger language plpgsql security definer set search_path from current as $$
begin
  update app_user set agency_id = new.agency_id where officer_id = new.id;
  return null;
end
$$;`);
    this.addSql(`revoke all on function officer_user_follows_agency() from public;`);
    this.addSql(`create trigger "officer_user_follows_agency" after update of agency_id on "officer" for each row when (old.agency_id is distinct from new.agency_id) execute function officer_user_follows_agency();`);
    this.addSql(`update "app_user" set "agency_id" = "officer"."agency_id" from "officer" where "officer"."id" = "app_user"."officer_id";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "officer_user_follows_agency" on "officer";`);
    this.addSql(`drop function if exists officer_user_follows_agency();`);
    this.addSql(`drop trigger if exists "app_user_agency_of_officer" on "app_user";`);
    this.addSql(`drop function if exists app_user_agency_of_officer();`);
    this.addSql(`drop policy if exists api_token_all on "api_token";`);
    this.addSql(`alter table "api_token" drop column "expires_at";`);
    this.addSql(`alter table "login_throttle" alter column "key" type varchar(300);`);
  }
}
