import { Migration } from '@mikro-orm/migrations';

const REQUEST_ROLES = 'sro_admin, sro_analyst, sro_chief, sro_officer';

/**
 * The district's training requirements, as data (modules/training): who each applies to and its rule, with the
 * fields each rule needs and only those (training_requirement_rule_fields). Every role reads them; ADMIN keeps them.
 */
export class Migration20261208500100_training_requirement extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "training_requirement" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" varchar(200) not null, "applies_to" text check ("applies_to" in ('EVERY_SRO', 'PRIMARY_ONLY', 'RANKS')) not null, "ranks" text[] not null default '{}', "rule" text check ("rule" in ('COURSE_BEFORE_OR_WITHIN', 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR', 'CERTIFICATE_CURRENT')) not null, "course_kind" text check ("course_kind" in ('SRO_BASIC', 'SRO_ADVANCED', 'SRO_SUPERVISOR', 'IN_SERVICE', 'CERTIFICATE', 'OTHER')) null, "within_months" int null, "hours" numeric(6,2) null, "course_id" int null, "active" boolean not null default true, constraint training_requirement_hours_positive check (hours is null or hours > 0), constraint training_requirement_within_months_range check (within_months is null or within_months >= 0), constraint training_requirement_ranks_for_ranks check ((applies_to = 'RANKS') = (cardinality(ranks) > 0)), constraint training_requirement_rule_fields check ((rule = 'COURSE_BEFORE_OR_WITHIN' and course_kind is not null and within_months is not null and hours is null and course_id is null) or (rule = 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR' and hours is not null and course_kind is null and within_months is null and course_id is null) or (rule = 'CERTIFICATE_CURRENT' and course_id is not null and course_kind is null and within_months is null and hours is null)), constraint training_requirement_name_not_blank check (btrim(name) <> ''));`);
    this.addSql(`create index "training_requirement_course_index" on "training_requirement" ("course_id");`);
    this.addSql(`alter table "training_requirement" add constraint "training_requirement_name_unique" unique ("name");`);
    this.addSql(`alter table "training_requirement" add constraint "training_requirement_course_id_foreign" foreign key ("course_id") references "training_course" ("id") on update cascade on delete restrict;`);

    this.addSql(`grant select, insert, update, delete on "training_requirement" to sro_app;`);
    this.addSql(`grant usage, select on sequence training_requirement_id_seq to sro_app;`);
    this.addSql(`alter table "training_requirement" enable row level security;`);
    this.addSql(`create policy training_requirement_read_all on "training_requirement" for select to ${REQUEST_ROLES} using (true);`);
    this.addSql(`create policy training_requirement_write_all on "training_requirement" for all to sro_admin using (true) with check (true);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "training_requirement" cascade;`);
  }
}
