import { Migration } from '@mikro-orm/migrations';

/**
 * The cost-share invoice bills an officer while it served the agency (officer_agency_period), a table the request
 * roles do not read. This function gives the periods of one agency only (owner's rights), as the invoice needs.
 */
export class Migration20261208400200_cost_share_periods extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function sro_agency_periods(agency integer)
returns table (officer_id integer, start_date date, end_date date) language sql stable security definer set search_path = pg_catalog, public as $$
  select p.officer_id, p.start_date, p.end_date from public.officer_agency_period p where p.agency_id = agency
$$;`);
    this.addSql(`revoke all on function sro_agency_periods(integer) from public;`);
    this.addSql(`grant execute on function sro_agency_periods(integer) to sro_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sro_agency_periods(integer);`);
  }
}
