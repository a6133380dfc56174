import { Migration } from '@mikro-orm/migrations';

export class Migration20261127222222_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "agency" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" varchar(200) not null, "kind" text check ("kind" in ('MUNICIPAL_POLICE', 'COUNTY_SHERIFF', 'STATE_PATROL', 'SCHOOL_DISTRICT_POLICE', 'TRIBAL_POLICE', 'OTHER')) not null, "ori" varchar(9) null, "chief_name" varchar(200) null, "phone" varchar(40) null, "email" varchar(254) null, "address" varchar(500) null, "active" boolean not null default true, constraint agency_name_not_blank check (btrim(name) <> ''), constraint agency_ori_format check (ori ~ '^[A-Z]{2}[A-Z0-9]{7}\$'));`);
    this.addSql(`alter table "agency" add constraint "agency_name_unique" unique ("name");`);
    this.addSql(`create index "agency_kind_index" on "agency" ("kind");`);
    this.addSql(`alter table "agency" add constraint "agency_ori_unique" unique ("ori");`);
    this.addSql(`create index "agency_active_index" on "agency" ("active");`);

    this.addSql(`create table "officer" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "agency_id" int not null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "badge_number" varchar(40) not null, "rank" text check ("rank" in ('OFFICER', 'DEPUTY', 'TROOPER', 'CORPORAL', 'SERGEANT', 'LIEUTENANT', 'CAPTAIN', 'CHIEF', 'OTHER')) not null, "email" varchar(254) null, "phone" varchar(40) null, "status" text check ("status" in ('ACTIVE', 'ON_LEAVE', 'INACTIVE')) not null default 'ACTIVE', "sro_since" date null, "sro_training_completed_on" date null, "notes" text null, constraint officer_name_not_blank check (btrim(first_name) <> '' and btrim(last_name) <> ''));`);
    this.addSql(`create index "officer_agency_index" on "officer" ("agency_id");`);
    this.addSql(`create index "officer_status_index" on "officer" ("status");`);
    this.addSql(`create index "officer_name_index" on "officer" ("last_name", "first_name");`);
    this.addSql(`alter table "officer" add constraint "officer_badge_unique" unique ("agency_id", "badge_number");`);

    this.addSql(`create table "school" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" varchar(200) not null, "nces_id" varchar(12) null, "level" text check ("level" in ('ELEMENTARY', 'MIDDLE', 'JUNIOR_HIGH', 'HIGH', 'K12', 'ALTERNATIVE', 'OTHER')) not null, "locale" text check ("locale" in ('CITY', 'SUBURB', 'TOWN', 'RURAL')) not null, "address" varchar(500) null, "enrollment" int not null default 0, "principal_name" varchar(200) null, "phone" varchar(40) null, "active" boolean not null default true, constraint school_name_not_blank check (btrim(name) <> ''), constraint school_enrollment_not_negative check (enrollment >= 0), constraint school_nces_id_format check (nces_id ~ '^[0-9]{12}\$'));`);
    this.addSql(`alter table "school" add constraint "school_name_unique" unique ("name");`);
    this.addSql(`alter table "school" add constraint "school_nces_id_unique" unique ("nces_id");`);
    this.addSql(`create index "school_level_index" on "school" ("level");`);
    this.addSql(`create index "school_locale_index" on "school" ("locale");`);
    this.addSql(`create index "school_active_index" on "school" ("active");`);

    this.addSql(`create table "assignment" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "officer_id" int not null, "school_id" int not null, "role" text check ("role" in ('PRIMARY', 'SECONDARY', 'BACKUP')) not null, "start_date" date not null, "end_date" date null, "fte" numeric(3,2) not null, "notes" text null, constraint assignment_fte_range check (fte > 0 and fte <= 1), constraint assignment_end_after_start check (end_date is null or end_date >= start_date));`);
    this.addSql(`create index "assignment_officer_index" on "assignment" ("officer_id");`);
    this.addSql(`create index "assignment_school_index" on "assignment" ("school_id");`);
    this.addSql(`create index "assignment_dates_index" on "assignment" ("start_date", "end_date");`);

    this.addSql(`create table "activity" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "officer_id" int not null, "school_id" int null, "date" date not null, "category" text check ("category" in ('CLASSROOM_INSTRUCTION', 'MENTORING', 'CASS_PROGRAM', 'SAFETY_AUDIT', 'TIP_FOLLOW_UP', 'EMERGENCY_DRILL', 'THREAT_ASSESSMENT', 'STAFF_PARENT_MEETING', 'LAW_ENFORCEMENT_RESPONSE', 'EXTRACURRICULAR_EVENT', 'VISIBILITY_PATROL', 'TRAINING', 'OTHER')) not null, "topic" text check ("topic" in ('DRUGS_ALCOHOL', 'SOCIAL_MEDIA', 'JUVENILE_LAW', 'PERSONAL_SAFETY', 'BULLYING', 'TRAFFIC_SAFETY', 'OTHER')) null, "duration_minutes" int not null, "students_reached" int not null default 0, "staff_reached" int not null default 0, "notes" varchar(500) null, constraint activity_topic_for_instruction check (topic is null or category = 'CLASSROOM_INSTRUCTION'), constraint activity_notes_length check (char_length(notes) <= 500), constraint activity_staff_not_negative check (staff_reached >= 0), constraint activity_students_not_negative check (students_reached >= 0), constraint activity_duration_range check (duration_minutes >= 1 and duration_minutes <= 1440));`);
    this.addSql(`create index "activity_date_index" on "activity" ("date");`);
    this.addSql(`create index "activity_category_date_index" on "activity" ("category", "date");`);
    this.addSql(`create index "activity_school_date_index" on "activity" ("school_id", "date");`);
    this.addSql(`create index "activity_officer_date_index" on "activity" ("officer_id", "date");`);

    this.addSql(`create table "app_user" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "email" varchar(254) not null, "display_name" varchar(200) not null, "role" text check ("role" in ('ADMIN', 'AGENCY_CHIEF', 'ANALYST', 'OFFICER')) not null, "agency_id" int null, "officer_id" int null, "password_hash" varchar(255) not null, "active" boolean not null default true, "last_login_at" timestamptz null, constraint app_user_officer_has_officer check (role <> 'OFFICER' or officer_id is not null), constraint app_user_chief_has_agency check (role <> 'AGENCY_CHIEF' or agency_id is not null));`);
    this.addSql(`create index "app_user_agency_index" on "app_user" ("agency_id");`);
    this.addSql(`create index "app_user_officer_index" on "app_user" ("officer_id");`);
    this.addSql(`create unique index "app_user_email_unique" on "app_user" (lower("email"));`);

    this.addSql(`alter table "officer" add constraint "officer_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "assignment" add constraint "assignment_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "assignment" add constraint "assignment_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "activity" add constraint "activity_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity" add constraint "activity_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "app_user" add constraint "app_user_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "officer" drop constraint "officer_agency_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_agency_id_foreign";`);

    this.addSql(`alter table "assignment" drop constraint "assignment_officer_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_officer_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_officer_id_foreign";`);

    this.addSql(`alter table "assignment" drop constraint "assignment_school_id_foreign";`);

    this.addSql(`alter table "activity" drop constraint "activity_school_id_foreign";`);

    this.addSql(`drop table if exists "agency" cascade;`);

    this.addSql(`drop table if exists "officer" cascade;`);

    this.addSql(`drop table if exists "school" cascade;`);

    this.addSql(`drop table if exists "assignment" cascade;`);

    this.addSql(`drop table if exists "activity" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);
  }

}
