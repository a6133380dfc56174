import { Migration } from '@mikro-orm/migrations';

const officerId = `(select sro_setting_id('sro.officer_id'))`;
const agencyId = `(select sro_setting_id('sro.agency_id'))`;
const TABLES = ['checklist_template', 'checklist_item', 'safety_audit', 'safety_audit_officer', 'safety_audit_finding', 'corrective_action'];

/**
 * Facility safety audits (issue 20): checklist versions and their items, audits with their team and findings,
 * and corrective actions. Besides the generated DDL, the rules PostgreSQL keeps (each raises check_violation
 * with the rule's name as the constraint, mapped by common/database-errors.ts):
 * - a published checklist version never changes, nor do its items (`checklist_*_published`);
 * - an audit uses a published version; a SUBMITTED audit, its team and its findings are read-only; submitting
 *   needs a team and a finding for every item; a finding's item is of the audit's version;
 * - submitting records one SAFETY_AUDIT activity per officer on the team, in the same transaction (a trigger run
 *   as the owner: an officer submitting for a team may not write its teammates' activities itself);
 * - a corrective action is raised from a NEEDS_IMPROVEMENT or DEFICIENT finding only.
 * Row security per role as modules/safety-audit/safety-audit.policy.ts declares it.
 */
export class Migration20261208100000_safety_audits extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "checklist_template" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" varchar(200) not null, "version_number" int not null, "published_at" timestamptz null, constraint checklist_template_name_not_blank check (btrim(name) <> ''), constraint checklist_template_version_positive check (version_number >= 1));`);
    this.addSql(`alter table "checklist_template" add constraint "checklist_template_name_version_unique" unique ("name", "version_number");`);

    this.addSql(`create table "checklist_item" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "template_id" int not null, "area" text check ("area" in ('ACCESS_CONTROL', 'VISITOR_MANAGEMENT', 'COMMUNICATIONS', 'EMERGENCY_PLANS_AND_DRILLS', 'SURVEILLANCE', 'LIGHTING_AND_GROUNDS', 'CLASSROOM_SECURITY', 'TRANSPORTATION')) not null, "position" int not null, "criterion" varchar(500) not null, "guidance" text not null default '', "default_severity" text check ("default_severity" in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')) not null, constraint checklist_item_criterion_not_blank check (btrim(criterion) <> ''));`);
    this.addSql(`alter table "checklist_item" add constraint "checklist_item_position_unique" unique ("template_id", "position");`);

    this.addSql(`create table "safety_audit" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "school_id" int not null, "template_id" int not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED')) not null default 'DRAFT', "district_staff" text[] not null default '{}', "duration_minutes" int not null default 120, "submitted_at" timestamptz null, constraint safety_audit_duration_range check (duration_minutes >= 1 and duration_minutes <= 1440), constraint safety_audit_submitted_at check ((status = 'SUBMITTED') = (submitted_at is not null)));`);
    this.addSql(`create index "safety_audit_school_date_index" on "safety_audit" ("school_id", "date");`);

    this.addSql(`create table "safety_audit_officer" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "audit_id" int not null, "officer_id" int not null);`);
    this.addSql(`alter table "safety_audit_officer" add constraint "safety_audit_officer_unique" unique ("audit_id", "officer_id");`);

    this.addSql(`create table "safety_audit_finding" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "audit_id" int not null, "item_id" int not null, "result" text check ("result" in ('MEETS', 'NEEDS_IMPROVEMENT', 'DEFICIENT', 'NOT_APPLICABLE')) not null, "severity" text check ("severity" in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')) null, "note" varchar(500) null, constraint safety_audit_finding_severity check ((severity is not null) = (result = 'NEEDS_IMPROVEMENT' or result = 'DEFICIENT')), constraint safety_audit_finding_note_length check (char_length(note) <= 500));`);
    this.addSql(`alter table "safety_audit_finding" add constraint "safety_audit_finding_item_unique" unique ("audit_id", "item_id");`);

    this.addSql(`create table "corrective_action" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "finding_id" int not null, "what" varchar(500) not null, "owner" text check ("owner" in ('SCHOOL', 'DISTRICT_FACILITIES', 'AGENCY')) not null, "due_on" date not null, "status" text check ("status" in ('OPEN', 'IN_PROGRESS', 'DONE', 'DEFERRED')) not null default 'OPEN', "deferred_reason" varchar(500) null, "completed_on" date null, constraint corrective_action_deferred_reason check (status <> 'DEFERRED' or deferred_reason is not null), constraint corrective_action_deferred_reason_not_blank check (btrim(deferred_reason) <> ''), constraint corrective_action_done_on check ((status = 'DONE') = (completed_on is not null)), constraint corrective_action_what_not_blank check (btrim(what) <> ''));`);
    this.addSql(`create index "corrective_action_status_due_index" on "corrective_action" ("status", "due_on");`);

    this.addSql(`alter table "checklist_item" add constraint "checklist_item_template_id_foreign" foreign key ("template_id") references "checklist_template" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "safety_audit" add constraint "safety_audit_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "safety_audit" add constraint "safety_audit_template_id_foreign" foreign key ("template_id") references "checklist_template" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "safety_audit_officer" add constraint "safety_audit_officer_audit_id_foreign" foreign key ("audit_id") references "safety_audit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "safety_audit_officer" add constraint "safety_audit_officer_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "safety_audit_finding" add constraint "safety_audit_finding_audit_id_foreign" foreign key ("audit_id") references "safety_audit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "safety_audit_finding" add constraint "safety_audit_finding_item_id_foreign" foreign key ("item_id") references "checklist_item" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "corrective_action" add constraint "corrective_action_finding_id_foreign" foreign key ("finding_id") references "safety_audit_finding" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "corrective_action_finding_index" on "corrective_action" ("finding_id");`);
    this.addSql(`create index "safety_audit_finding_item_index" on "safety_audit_finding" ("item_id");`);

    const rule = (name: string, message: string) => `raise exception ${message} using errcode = 'check_violation', constraint = '${name}'`;
    this.addSql(`create function checklist_template_rules() returns trigger language plpgsql as $$
begin
  if old.published_at is not null then
    if tg_op = 'DELETE' or (new.name, new.version_number, new.published_at) is distinct from (old.name, old.version_number, old.published_at) then
      ${rule('checklist_template_published', "'checklist version % is published: publish a new version instead', old.id")};
    end if;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;`);
    this.addSql(`create trigger "checklist_template_rules" before update or delete on "checklist_template" for each row execute function checklist_template_rules();`);
    this.addSql(`create function checklist_item_rules() returns trigger language plpgsql security definer set search_path from current as $$
begin
  if exists (select 1 from checklist_template t where t.published_at is not null
             and t.id in (case when tg_op = 'INSERT' then null else old.template_id end, case when tg_op = 'DELETE' then null else new.template_id end)) then
    ${rule('checklist_item_published', "'the items of a published checklist version never change: publish a new version instead'")};
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;`);
    this.addSql(`create trigger "checklist_item_rules" before insert or update or delete on "checklist_item" for each row execute function checklist_item_rules();`);

    this.addSql(`create function safety_audit_rules() returns trigger language plpgsql security definer set search_path from current as $$
begin
  if tg_op <> 'INSERT' and old.status = 'SUBMITTED' then
    ${rule('safety_audit_submitted_read_only', "'audit % is submitted and read-only: record a new audit instead', old.id")};
  end if;
  if tg_op = 'DELETE' then return old; end if;
  if tg_op = 'INSERT' and new.status = 'SUBMITTED' then
    ${rule('safety_audit_starts_as_draft', "'an audit starts as a DRAFT and is submitted once its findings are in'")};
  end if;
  if not exists (select 1 from checklist_template t where t.id = new.template_id and t.published_at is not null) then
    ${rule('safety_audit_template_published', "'checklist version % is not published', new.template_id")};
  end if;
  if new.status = 'SUBMITTED' then
    if not exists (select 1 from safety_audit_officer m where m.audit_id = new.id) then
      ${rule('safety_audit_team_required', "'audit % has no officer on its team', new.id")};
    end if;
    if exists (select 1 from checklist_item i where i.template_id = new.template_id
               and not exists (select 1 from safety_audit_finding f where f.audit_id = new.id and f.item_id = i.id)) then
      ${rule('safety_audit_items_answered', "'audit % has items without a result', new.id")};
    end if;
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger "safety_audit_rules" before insert or update or delete on "safety_audit" for each row execute function safety_audit_rules();`);
    this.addSql(`create function safety_audit_activities() returns trigger language plpgsql security definer set search_path from current as $$
begin
  insert into activity (officer_id, school_id, date, category, duration_minutes, notes)
  select m.officer_id, new.school_id, new.date, 'SAFETY_AUDIT', new.duration_minutes, 'Facility safety audit ' || new.id
    from safety_audit_officer m where m.audit_id = new.id;
  return new;
end $$;`);
    this.addSql(`create trigger "safety_audit_activities" after update of "status" on "safety_audit" for each row
      when (old.status = 'DRAFT' and new.status = 'SUBMITTED') execute function safety_audit_activities();`);

    this.addSql(`create function safety_audit_part_rules() returns trigger language plpgsql security definer set search_path from current as $$
begin
  if exists (select 1 from safety_audit a where a.status = 'SUBMITTED'
             and a.id in (case when tg_op = 'INSERT' then null else old.audit_id end, case when tg_op = 'DELETE' then null else new.audit_id end)) then
    ${rule('safety_audit_submitted_read_only', "'the audit is submitted and read-only: record a new audit instead'")};
  end if;
  if tg_table_name = 'safety_audit_finding' and tg_op <> 'DELETE' then
    if not exists (select 1 from safety_audit a join checklist_item i on i.template_id = a.template_id
                   where a.id = new.audit_id and i.id = (to_jsonb(new) ->> 'item_id')::integer) then
      ${rule('safety_audit_finding_item_template', "'the item is not on the checklist version of the audit'")};
    end if;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;`);
    for (const table of ['safety_audit_officer', 'safety_audit_finding'])
      this.addSql(`create trigger "${table}_rules" before insert or update or delete on "${table}" for each row execute function safety_audit_part_rules();`);

    this.addSql(`create function corrective_action_rules() returns trigger language plpgsql security definer set search_path from current as $$
begin
  if not exists (select 1 from safety_audit_finding f where f.id = new.finding_id and f.result in ('NEEDS_IMPROVEMENT', 'DEFICIENT')) then
    ${rule('corrective_action_finding_failed', "'a corrective action is raised from a NEEDS_IMPROVEMENT or DEFICIENT finding only'")};
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger "corrective_action_rules" before insert or update of "finding_id" on "corrective_action" for each row execute function corrective_action_rules();`);
    // Trigger functions only: nobody calls them.
    for (const name of ['checklist_template_rules', 'checklist_item_rules', 'safety_audit_rules', 'safety_audit_activities', 'safety_audit_part_rules', 'corrective_action_rules'])
      this.addSql(`revoke all on function ${name}() from public;`);

    // Row security and the grants of the request roles (runtime_role).
    for (const table of TABLES) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`grant select, insert, update, delete on "${table}" to sro_app;`);
      this.addSql(`grant usage, select on sequence ${table}_id_seq to sro_app;`);
    }
    const policy = (name: string, table: string, command: string, roles: string, using: string | null, check: string | null = using) =>
      this.addSql(
        `create policy ${name} on "${table}" for ${command} to ${roles}` +
          (using === null ? '' : ` using (${using})`) +
          (check === null ? '' : ` with check (${check})`) +
          ';',
      );
    const assignedSchools = `school_id in (select assignment.school_id from assignment where assignment.officer_id = ${officerId})`;
    for (const table of ['checklist_template', 'checklist_item']) {
      policy(`${table}_read_all`, table, 'select', 'sro_admin, sro_analyst, sro_chief, sro_officer', 'true', null);
      policy(`${table}_write_all`, table, 'all', 'sro_admin', 'true');
    }
    for (const table of TABLES.slice(2)) {
      policy(`${table}_read_all`, table, 'select', table === 'safety_audit_officer' ? 'sro_admin, sro_analyst, sro_chief' : 'sro_admin, sro_analyst', 'true', null);
      policy(`${table}_write_all`, table, 'all', 'sro_admin', 'true');
    }
    policy(
      'safety_audit_read_agency',
      'safety_audit',
      'select',
      'sro_chief',
      `school_id in (select assignment.school_id from assignment join officer on officer.id = assignment.officer_id where officer.agency_id = ${agencyId})` +
        ` or id in (select safety_audit_officer.audit_id from safety_audit_officer join officer on officer.id = safety_audit_officer.officer_id where officer.agency_id = ${agencyId})`,
      null,
    );
    policy('safety_audit_assigned', 'safety_audit', 'all', 'sro_officer', assignedSchools);
    policy(
      'safety_audit_officer_assigned',
      'safety_audit_officer',
      'all',
      'sro_officer',
      `audit_id in (select safety_audit.id from safety_audit where safety_audit.${assignedSchools})`,
    );
    const throughAudit = 'audit_id in (select safety_audit.id from safety_audit)';
    policy('safety_audit_finding_read_agency', 'safety_audit_finding', 'select', 'sro_chief', throughAudit, null);
    policy('safety_audit_finding_assigned', 'safety_audit_finding', 'all', 'sro_officer', throughAudit);
    const throughFinding = 'finding_id in (select safety_audit_finding.id from safety_audit_finding)';
    policy('corrective_action_read_agency', 'corrective_action', 'select', 'sro_chief, sro_officer', throughFinding, null);
    policy('corrective_action_insert_assigned', 'corrective_action', 'insert', 'sro_officer', null, throughFinding);
    policy('corrective_action_update_assigned', 'corrective_action', 'update', 'sro_officer', throughFinding);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "checklist_item" drop constraint "checklist_item_template_id_foreign";`);

    this.addSql(`alter table "safety_audit" drop constraint "safety_audit_template_id_foreign";`);

    this.addSql(`alter table "safety_audit_finding" drop constraint "safety_audit_finding_item_id_foreign";`);

    this.addSql(`alter table "safety_audit_officer" drop constraint "safety_audit_officer_audit_id_foreign";`);

    this.addSql(`alter table "safety_audit_finding" drop constraint "safety_audit_finding_audit_id_foreign";`);

    this.addSql(`alter table "corrective_action" drop constraint "corrective_action_finding_id_foreign";`);

    this.addSql(`drop table if exists "checklist_template" cascade;`);

    this.addSql(`drop table if exists "checklist_item" cascade;`);

    this.addSql(`drop table if exists "safety_audit" cascade;`);

    this.addSql(`drop table if exists "safety_audit_officer" cascade;`);

    this.addSql(`drop table if exists "safety_audit_finding" cascade;`);

    this.addSql(`drop table if exists "corrective_action" cascade;`);
    for (const name of ['checklist_template_rules', 'checklist_item_rules', 'safety_audit_rules', 'safety_audit_activities', 'safety_audit_part_rules', 'corrective_action_rules'])
      this.addSql(`drop function if exists ${name}();`);
  }

}
