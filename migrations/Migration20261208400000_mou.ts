import { Migration } from '@mikro-orm/migrations';

const own = (setting: string) => `(select sro_setting_id('sro.${setting}'))`;
const ownAgency = `agency_id = ${own('agency_id')}`;
const documentOfOwnAgency = `mou_id in (select mou.id from mou where ${ownAgency})`;

/**
 * Agreements with the agencies (modules/agreement): the MOU and, in a table of its own, its signed PDF, so that
 * lists never carry megabytes and row security keeps the PDF from analysts, who read the MOU's figures. The PDF's
 * rules hold here too: at most 10 MiB, starting with %PDF- and with %%EOF in its last kilobyte. Row security as in
 * mou.policy.ts: ADMIN all; a chief its own agency's; an analyst reads MOUs, not their PDFs; an officer nothing.
 */
export class Migration20261208400000_mou extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "mou" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "agency_id" int not null, "title" varchar(200) not null, "effective_date" date not null, "expiry_date" date not null, "status" text check ("status" in ('DRAFT', 'IN_FORCE', 'EXPIRED', 'TERMINATED')) not null default 'DRAFT', "signatories" jsonb not null default '[]', "elements" jsonb not null default '[]', "positions" jsonb not null default '[]', constraint mou_expiry_after_effective check (expiry_date >= effective_date), constraint mou_title_not_blank check (btrim(title) <> ''));`);
    this.addSql(`create index "mou_agency_index" on "mou" ("agency_id");`);
    this.addSql(`create index "mou_expiry_index" on "mou" ("expiry_date");`);
    this.addSql(`alter table "mou" add constraint "mou_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "mou" add constraint "mou_lists_are_arrays" check (jsonb_typeof(signatories) = 'array' and jsonb_typeof(elements) = 'array' and jsonb_typeof(positions) = 'array');`);

    this.addSql(`create table "mou_document" ("mou_id" int not null, "content" bytea not null, "uploaded_at" timestamptz not null default now(), constraint "mou_document_pkey" primary key ("mou_id"), constraint mou_document_size check (octet_length(content) >= 1 and octet_length(content) <= 10485760), constraint mou_document_is_pdf check (substring(content from 1 for 5) = '\\x255044462d'::bytea and position('\\x2525454f46'::bytea in substring(content from greatest(1, octet_length(content) - 1023))) > 0));`);
    this.addSql(`alter table "mou_document" add constraint "mou_document_mou_id_foreign" foreign key ("mou_id") references "mou" ("id") on update cascade on delete cascade;`);

    this.addSql(`grant select, insert, update, delete on mou, mou_document to sro_app;`);
    this.addSql(`grant usage, select on sequence mou_id_seq to sro_app;`);
    const policy = (table: string, name: string, command: string, roles: string, using: string | null, check: string | null = using) =>
      this.addSql(
        `create policy ${name} on "${table}" for ${command} to ${roles}` +
          (using === null ? '' : ` using (${using})`) +
          (check === null ? '' : ` with check (${check})`) +
          ';',
      );
    for (const [table, chief] of [['mou', ownAgency], ['mou_document', documentOfOwnAgency]] as const) {
      this.addSql(`alter table "${table}" enable row level security;`);
      policy(table, `${table}_write_all`, 'all', 'sro_admin', 'true');
      policy(table, `${table}_read_own_agency`, 'select', 'sro_chief', chief, null);
      for (const command of ['insert', 'update', 'delete']) {
        policy(table, `${table}_${command}_own_agency`, command, 'sro_chief', command === 'insert' ? null : chief, command === 'delete' ? null : chief);
      }
    }
    policy('mou', 'mou_read_all', 'select', 'sro_analyst', 'true', null);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mou_document" cascade;`);
    this.addSql(`drop table if exists "mou" cascade;`);
  }
}
