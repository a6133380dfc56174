import { Migration } from '@mikro-orm/migrations';

const REQUEST_ROLES = 'sro_admin, sro_analyst, sro_chief, sro_officer';

/**
 * The school calendar (modules/calendar): school years (first and last instructional day, never overlapping: an
 * exclusion constraint) and closures of one school or of every school (school_id null). Row security as for the
 * other tables (migration role_per_actor): every request role reads the calendar, ADMIN writes it.
 */
export class Migration20261208000300_school_calendar extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "school_closure" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "start_date" date not null, "end_date" date not null, "school_id" int null, "reason" varchar(200) not null, constraint school_closure_reason_not_blank check (btrim(reason) <> ''), constraint school_closure_end_after_start check (end_date >= start_date));`);
    this.addSql(`create index "school_closure_school_index" on "school_closure" ("school_id");`);
    this.addSql(`create index "school_closure_dates_index" on "school_closure" ("start_date", "end_date");`);
    this.addSql(`create table "school_year" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" varchar(40) not null, "first_day" date not null, "last_day" date not null, constraint school_year_name_not_blank check (btrim(name) <> ''), constraint school_year_last_after_first check (last_day >= first_day));`);
    this.addSql(`alter table "school_year" add constraint "school_year_name_unique" unique ("name");`);
    this.addSql(`alter table "school_closure" add constraint "school_closure_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "school_year" add constraint "school_year_no_overlap" exclude using gist (daterange("first_day", "last_day", '[]') with &&);`);

    for (const table of ['school_year', 'school_closure']) {
      this.addSql(`grant select, insert, update, delete on "${table}" to sro_app;`);
      this.addSql(`grant usage, select on sequence ${table}_id_seq to sro_app;`);
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy ${table}_read_all on "${table}" for select to ${REQUEST_ROLES} using (true);`);
      this.addSql(`create policy ${table}_write_all on "${table}" for all to sro_admin using (true) with check (true);`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "school_closure" cascade;`);
    this.addSql(`drop table if exists "school_year" cascade;`);
  }
}
