import { Migration } from '@mikro-orm/migrations';

const REQUEST_ROLES = 'sro_admin, sro_analyst, sro_chief, sro_officer';
const own = (setting: string) => `(select sro_setting_id('sro.${setting}'))`;
const chiefsOfficers = `(select officer.id from officer where officer.agency_id = ${own('agency_id')})`;

/** The basic course the officers' former "basic training completed on" dates become records of. */
const LEGACY_BASIC_COURSE = 'Basic SRO course (recorded before training records)';

/**
 * Training (modules/training): the course catalogue and the officers' training records, with row security as in
 * training.policy.ts: every role reads the catalogue, ADMIN keeps it; ADMIN reads and writes every record, an
 * analyst reads all, a chief reads and writes its own officers', an officer reads its own.
 *
 * Each officer's `sro_training_completed_on` becomes an SRO_BASIC record of one course (40 hours, never expires);
 * the column stays, as before, for the clients that read it.
 */
export class Migration20261208500000_training extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "training_course" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" varchar(200) not null, "provider" varchar(200) not null default '', "hours" numeric(6,2) not null, "kind" text check ("kind" in ('SRO_BASIC', 'SRO_ADVANCED', 'SRO_SUPERVISOR', 'IN_SERVICE', 'CERTIFICATE', 'OTHER')) not null, "validity_months" int null, constraint training_course_name_not_blank check (btrim(name) <> ''), constraint training_course_hours_positive check (hours > 0), constraint training_course_validity_positive check (validity_months is null or validity_months > 0));`);
    this.addSql(`alter table "training_course" add constraint "training_course_name_provider_unique" unique ("name", "provider");`);

    this.addSql(`create table "training_record" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "officer_id" int not null, "course_id" int not null, "completed_on" date not null, "hours_credited" numeric(6,2) not null, "expires_on" date null, "certificate_number" varchar(100) null, constraint training_record_hours_not_negative check (hours_credited >= 0), constraint training_record_expires_after_completed check (expires_on is null or expires_on >= completed_on));`);
    this.addSql(`create index "training_record_officer_index" on "training_record" ("officer_id");`);
    this.addSql(`create index "training_record_course_index" on "training_record" ("course_id");`);
    this.addSql(`create index "training_record_officer_completed_index" on "training_record" ("officer_id", "completed_on");`);
    this.addSql(`alter table "training_record" add constraint "training_record_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "training_record" add constraint "training_record_course_id_foreign" foreign key ("course_id") references "training_course" ("id") on update cascade on delete restrict;`);

    for (const table of ['training_course', 'training_record']) {
      this.addSql(`grant select, insert, update, delete on "${table}" to sro_app;`);
      this.addSql(`grant usage, select on sequence ${table}_id_seq to sro_app;`);
      this.addSql(`alter table "${table}" enable row level security;`);
    }
    this.addSql(`create policy training_course_read_all on "training_course" for select to ${REQUEST_ROLES} using (true);`);
    this.addSql(`create policy training_course_write_all on "training_course" for all to sro_admin using (true) with check (true);`);

    this.addSql(`create policy training_record_read_all on "training_record" for select to sro_admin, sro_analyst using (true);`);
    this.addSql(`create policy training_record_read_own_agency on "training_record" for select to sro_chief using (officer_id in ${chiefsOfficers});`);
    this.addSql(`create policy training_record_read_own on "training_record" for select to sro_officer using (officer_id = ${own('officer_id')});`);
    this.addSql(`create policy training_record_write_all on "training_record" for all to sro_admin using (true) with check (true);`);
    this.addSql(`create policy training_record_insert_own_agency on "training_record" for insert to sro_chief with check (officer_id in ${chiefsOfficers});`);
    this.addSql(`create policy training_record_update_own_agency on "training_record" for update to sro_chief using (officer_id in ${chiefsOfficers}) with check (officer_id in ${chiefsOfficers});`);
    this.addSql(`create policy training_record_delete_own_agency on "training_record" for delete to sro_chief using (officer_id in ${chiefsOfficers});`);

    // The former single date becomes a record of one basic course, created only when some officer has the date.
    this.addSql(`insert into training_course (name, provider, hours, kind, validity_months)
  select '${LEGACY_BASIC_COURSE}', '', 40, 'SRO_BASIC', null
   where exists (select 1 from officer where sro_training_completed_on is not null);`);
    this.addSql(`insert into training_record (officer_id, course_id, completed_on, hours_credited, expires_on)
  select officer.id, course.id, officer.sro_training_completed_on, course.hours, null
    from officer, training_course course
   where officer.sro_training_completed_on is not null and course.name = '${LEGACY_BASIC_COURSE}' and course.provider = '';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "training_record" cascade;`);
    this.addSql(`drop table if exists "training_course" cascade;`);
  }
}
