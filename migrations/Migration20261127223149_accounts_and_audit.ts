import { Migration } from '@mikro-orm/migrations';

export class Migration20261127223149_accounts_and_audit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "actor_user_id" int null, "actor_label" varchar(254) not null, "action" varchar(40) not null, "entity_type" varchar(40) null, "entity_id" varchar(40) null, "changes" jsonb null, "details" jsonb null, "request_id" varchar(64) not null, "client_address" varchar(64) null);`);
    this.addSql(`create index "audit_event_actor_index" on "audit_event" ("actor_user_id");`);
    this.addSql(`create index "audit_event_action_index" on "audit_event" ("action");`);
    this.addSql(`create index "audit_event_entity_index" on "audit_event" ("entity_type", "entity_id");`);

    this.addSql(`create table "login_throttle" ("key" varchar(300) not null, "failures" int not null default 0, "window_started_at" timestamptz not null, "locked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("key"));`);

    this.addSql(`create table "session" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "user_id" int not null, "token_hash" varchar(64) not null, "last_used_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null);`);
    this.addSql(`create index "session_user_index" on "session" ("user_id");`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_expires_index" on "session" ("expires_at");`);

    this.addSql(`create table "api_token" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "user_id" int not null, "name" varchar(100) not null, "token_hash" varchar(64) not null, "prefix" varchar(12) not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null);`);
    this.addSql(`create index "api_token_user_index" on "api_token" ("user_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_token" add constraint "api_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    // The audit trail is append-only: no role, not even the application's, may change or remove a row.
    this.addSql(`create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit events cannot be changed or deleted' using errcode = 'insufficient_privilege';
end
$$;`);
    this.addSql(`create trigger "audit_event_append_only" before update or delete on "audit_event" for each row execute function audit_event_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "audit_event_append_only" on "audit_event";`);
    this.addSql(`drop function if exists audit_event_append_only();`);
    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);
  }

}
