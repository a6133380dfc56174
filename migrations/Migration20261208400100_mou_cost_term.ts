import { Migration } from '@mikro-orm/migrations';

const ownAgency = `agency_id = (select sro_setting_id('sro.agency_id'))`;
const termOfOwnAgency = `mou_id in (select mou.id from mou where ${ownAgency})`;

/**
 * Cost terms of agreements (modules/agreement): dated, a rate change being a new term from its date (one per
 * agreement and day). Amounts are numeric, never floating point; hourly rates by rank are kept as decimal text in
 * jsonb and read as numeric by the cost-share report. Row security as mouCostTermPolicy: ADMIN all; a chief its
 * own agency's agreements' terms; an analyst reads; an officer nothing.
 */
export class Migration20261208400100_mou_cost_term extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "mou_cost_term" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "mou_id" int not null, "effective_from" date not null, "basis" text check ("basis" in ('HOURLY', 'ANNUAL_PER_OFFICER')) not null, "hours_per_day" numeric(4,2) not null default 8, "instructional_share_percent" numeric(5,2) not null, "non_instructional_share_percent" numeric(5,2) not null, "hourly_rates" jsonb not null default '[]', "annual_amount" numeric(12,2) null, "excluded_absence_reasons" text[] not null default '{}', constraint mou_cost_term_rates_array check (jsonb_typeof(hourly_rates) = 'array'), constraint mou_cost_term_annual_amount check (basis <> 'ANNUAL_PER_OFFICER' or annual_amount is not null), constraint mou_cost_term_non_instructional_share_range check (non_instructional_share_percent >= 0 and non_instructional_share_percent <= 100), constraint mou_cost_term_instructional_share_range check (instructional_share_percent >= 0 and instructional_share_percent <= 100), constraint mou_cost_term_hours_range check (hours_per_day > 0 and hours_per_day <= 24));`);
    this.addSql(`create index "mou_cost_term_mou_index" on "mou_cost_term" ("mou_id");`);
    this.addSql(`alter table "mou_cost_term" add constraint "mou_cost_term_one_per_day" unique ("mou_id", "effective_from");`);

    this.addSql(`alter table "mou_cost_term" add constraint "mou_cost_term_mou_id_foreign" foreign key ("mou_id") references "mou" ("id") on update cascade on delete cascade;`);

    this.addSql(`grant select, insert, update, delete on mou_cost_term to sro_app;`);
    this.addSql(`grant usage, select on sequence mou_cost_term_id_seq to sro_app;`);
    this.addSql(`alter table "mou_cost_term" enable row level security;`);
    this.addSql(`create policy mou_cost_term_write_all on "mou_cost_term" for all to sro_admin using (true) with check (true);`);
    this.addSql(`create policy mou_cost_term_read_all on "mou_cost_term" for select to sro_analyst using (true);`);
    this.addSql(`create policy mou_cost_term_read_own_agency on "mou_cost_term" for select to sro_chief using (${termOfOwnAgency});`);
    this.addSql(`create policy mou_cost_term_insert_own_agency on "mou_cost_term" for insert to sro_chief with check (${termOfOwnAgency});`);
    this.addSql(`create policy mou_cost_term_update_own_agency on "mou_cost_term" for update to sro_chief using (${termOfOwnAgency}) with check (${termOfOwnAgency});`);
    this.addSql(`create policy mou_cost_term_delete_own_agency on "mou_cost_term" for delete to sro_chief using (${termOfOwnAgency});`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mou_cost_term" cascade;`);
  }
}
