import { Migration } from '@mikro-orm/migrations';

const own = (setting: string) => `(select sro_setting_id('sro.${setting}'))`;
const chiefsOfficers = `(select officer.id from officer where officer.agency_id = ${own('agency_id')})`;
const currentDate = `(now() at time zone 'UTC')::date`;

/**
 * Tip follow-up (modules/tip): tips, their assigned officers and their follow-up steps, each step tied to the
 * TIP_FOLLOW_UP activity it counts as. No column holds a tip's content or a name: every text is at most 200
 * characters. The status moves forward only (trigger); the policies are those of tip.policy.ts.
 */
export class Migration20261208200000_tips extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "tip" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "reference_number" varchar(200) not null, "source" text check ("source" in ('SAFE2TELL', 'P3', 'STOPIT', 'SAY_SOMETHING', 'PHONE', 'IN_PERSON', 'OTHER')) not null, "received_at" timestamptz not null, "category" text check ("category" in ('BULLYING', 'CYBERBULLYING', 'SUICIDE_THREAT', 'SELF_HARM', 'DRUGS', 'ALCOHOL', 'WEAPONS', 'PLANNED_SCHOOL_ATTACK', 'THREATS', 'FIGHTING', 'CHILD_ABUSE', 'DATING_VIOLENCE', 'SEXTING', 'HARASSMENT', 'VANDALISM', 'OTHER')) not null, "school_id" int null, "life_safety" boolean not null default false, "status" text check ("status" in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'CLOSED')) not null default 'RECEIVED', "first_action_at" timestamptz null, "closed_at" timestamptz null, "disposition" text check ("disposition" in ('RESOLVED', 'REFERRED_TO_SCHOOL', 'REFERRED_TO_SERVICES', 'LAW_ENFORCEMENT_ACTION', 'UNFOUNDED', 'PRANK', 'DUPLICATE', 'INFORMATION_ONLY')) null, constraint tip_closed_after_received check (closed_at is null or closed_at >= received_at), constraint tip_first_action_after_received check (first_action_at is null or first_action_at >= received_at), constraint tip_closed_has_closed_at check ((status = 'CLOSED') = (closed_at is not null)), constraint tip_closed_has_disposition check ((status = 'CLOSED') = (disposition is not null)), constraint tip_reference_not_blank check (btrim(reference_number) <> ''), constraint tip_reference_length check (char_length(reference_number) <= 200));`);
    this.addSql(`create index "tip_school_index" on "tip" ("school_id");`);
    this.addSql(`create index "tip_received_at_index" on "tip" ("received_at");`);
    this.addSql(`alter table "tip" add constraint "tip_reference_unique" unique ("source", "reference_number");`);

    this.addSql(`create table "tip_officer" ("tip_id" int not null, "officer_id" int not null, "assigned_at" timestamptz not null default now(), constraint "tip_officer_pkey" primary key ("tip_id", "officer_id"));`);
    this.addSql(`create index "tip_officer_officer_index" on "tip_officer" ("officer_id");`);

    this.addSql(`create table "tip_step" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "tip_id" int not null, "officer_id" int not null, "activity_id" int not null, "taken_at" timestamptz not null, "kind" text check ("kind" in ('CONTACT_MADE', 'WELFARE_CHECK', 'PARENT_CONTACTED', 'REFERRAL', 'CLOSED')) not null, "minutes" int not null, "note" varchar(200) null, constraint tip_step_note_length check (char_length(note) <= 200), constraint tip_step_minutes_range check (minutes >= 1 and minutes <= 1440));`);
    this.addSql(`alter table "tip_step" add constraint "tip_step_activity_unique" unique ("activity_id");`);
    this.addSql(`create index "tip_step_officer_index" on "tip_step" ("officer_id");`);
    this.addSql(`create index "tip_step_tip_index" on "tip_step" ("tip_id", "taken_at");`);

    this.addSql(`alter table "tip" add constraint "tip_school_id_foreign" foreign key ("school_id") references "school" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "tip_officer" add constraint "tip_officer_tip_id_foreign" foreign key ("tip_id") references "tip" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "tip_officer" add constraint "tip_officer_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "tip_step" add constraint "tip_step_tip_id_foreign" foreign key ("tip_id") references "tip" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "tip_step" add constraint "tip_step_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "tip_step" add constraint "tip_step_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete restrict;`);

    // The status moves forward only: RECEIVED -> ASSIGNED -> IN_PROGRESS -> CLOSED (a step may skip ASSIGNED, a
    // duplicate or prank may be closed at once); a new tip starts RECEIVED or ASSIGNED. SQLSTATE 23514 with the
    // rule's name, as the assignment rules (common/database-errors.ts maps it).
    this.addSql(`create function tip_status_transition() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.status not in ('RECEIVED', 'ASSIGNED') then
      raise exception 'a new tip is RECEIVED or ASSIGNED, not %', new.status
        using errcode = 'check_violation', constraint = 'tip_status_transition';
    end if;
  elsif new.status <> old.status and not (
      (old.status = 'RECEIVED' and new.status in ('ASSIGNED', 'IN_PROGRESS', 'CLOSED'))
      or (old.status = 'ASSIGNED' and new.status in ('IN_PROGRESS', 'CLOSED'))
      or (old.status = 'IN_PROGRESS' and new.status = 'CLOSED')) then
    raise exception 'tip % cannot go from % to %', old.id, old.status, new.status
      using errcode = 'check_violation', constraint = 'tip_status_transition';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger tip_status_transition before insert or update of status on tip for each row execute function tip_status_transition();`);

    this.addSql(`grant select, insert, update, delete on tip, tip_officer, tip_step to sro_app;`);
    this.addSql(`grant usage, select on sequence tip_id_seq, tip_step_id_seq to sro_app;`);
    for (const table of ['tip', 'tip_officer', 'tip_step']) this.addSql(`alter table "${table}" enable row level security;`);

    // Which tips a chief's officers or an officer are assigned to, read past tip_officer's own row security
    // (whose policies read tip: without these the two tables' policies would recurse).
    const definer = (signature: string, body: string) => {
      this.addSql(`create function ${signature} returns setof integer language sql stable security definer set search_path = public as $$ ${body} $$;`);
      this.addSql(`revoke all on function ${signature} from public;`);
      this.addSql(`grant execute on function ${signature} to sro_app;`);
    };
    definer('sro_officer_tip_ids(officer integer)', 'select tip_id from tip_officer where officer_id = officer');
    definer(
      'sro_agency_tip_ids(agency integer)',
      'select tip_officer.tip_id from tip_officer join officer on officer.id = tip_officer.officer_id where officer.agency_id = agency',
    );

    const policy = (name: string, table: string, command: string, roles: string, using: string | null, check: string | null = using) =>
      this.addSql(
        `create policy ${name} on "${table}" for ${command} to ${roles}` +
          (using === null ? '' : ` using (${using})`) +
          (check === null ? '' : ` with check (${check})`) +
          ';',
      );
    const chiefsTips = `id in (select sro_agency_tip_ids(${own('agency_id')}))`;
    const officersTips =
      `id in (select sro_officer_tip_ids(${own('officer_id')})) or school_id in (select assignment.school_id from assignment ` +
      `where assignment.officer_id = ${own('officer_id')} and assignment.start_date <= ${currentDate} ` +
      `and (assignment.end_date is null or assignment.end_date >= ${currentDate}))`;
    const ofVisibleTips = 'tip_id in (select tip.id from tip)';

    // Tips: ADMIN all; a chief its officers' tips; an officer its own and its schools'; analysts none (the report).
    policy('tip_all', 'tip', 'all', 'sro_admin', 'true');
    // Analysts: the report's aggregates only (the API lists them no tip); a chief's district figures run as it.
    policy('tip_read_analyst', 'tip', 'select', 'sro_analyst', 'true', null);
    policy('tip_read_chief', 'tip', 'select', 'sro_chief', chiefsTips, null);
    policy('tip_update_chief', 'tip', 'update', 'sro_chief', chiefsTips);
    policy('tip_read_officer', 'tip', 'select', 'sro_officer', officersTips, null);
    policy('tip_update_officer', 'tip', 'update', 'sro_officer', officersTips);

    // Assigned officers: read with their tip; ADMIN assigns anyone, a chief its own officers.
    policy('tip_officer_all', 'tip_officer', 'all', 'sro_admin', 'true');
    policy('tip_officer_read', 'tip_officer', 'select', 'sro_chief, sro_officer', ofVisibleTips, null);
    policy('tip_officer_insert_chief', 'tip_officer', 'insert', 'sro_chief', null, `${ofVisibleTips} and officer_id in ${chiefsOfficers}`);
    policy('tip_officer_delete_chief', 'tip_officer', 'delete', 'sro_chief', `${ofVisibleTips} and officer_id in ${chiefsOfficers}`, null);

    // Steps: read with their tip; a chief writes its officers', an officer its own.
    policy('tip_step_all', 'tip_step', 'all', 'sro_admin', 'true');
    policy('tip_step_read', 'tip_step', 'select', 'sro_chief, sro_officer', ofVisibleTips, null);
    for (const command of ['insert', 'update', 'delete']) {
      const chief = `${ofVisibleTips} and officer_id in ${chiefsOfficers}`;
      const officer = `${ofVisibleTips} and officer_id = ${own('officer_id')}`;
      policy(`tip_step_${command}_chief`, 'tip_step', command, 'sro_chief', command === 'insert' ? null : chief, command === 'delete' ? null : chief);
      policy(`tip_step_${command}_officer`, 'tip_step', command, 'sro_officer', command === 'insert' ? null : officer, command === 'delete' ? null : officer);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tip_step" cascade;`);
    this.addSql(`drop table if exists "tip_officer" cascade;`);
    this.addSql(`drop table if exists "tip" cascade;`);
    this.addSql(`drop function if exists tip_status_transition();`);
    this.addSql(`drop function if exists sro_officer_tip_ids(integer);`);
    this.addSql(`drop function if exists sro_agency_tip_ids(integer);`);
  }
}
