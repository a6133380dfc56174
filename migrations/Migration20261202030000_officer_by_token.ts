import { Migration } from '@mikro-orm/migrations';

/**
 * The credential check refuses the user of an INACTIVE officer (migration credentials_follow_accounts), and it
 * runs before any role is set, as `sro_runtime`, which reads no table (migration runtime_role): the officer
 * behind a token's user comes from a function of the owner's, as the session, the API token and the user do.
 */
export class Migration20261202030000_officer_by_token extends Migration {
  override async up(): Promise<void> {
    const signature = 'sro_officer_by_token(token_hash text)';
    this.addSql(`create function ${signature} returns setof public.officer language plpgsql stable rows 1 security definer as $$
begin
  return query select o.* from public.officer o where o.id in (select u.officer_id from sro_user_by_token(sro_officer_by_token.token_hash) u);
end $$;`);
    this.addSql(`revoke all on function ${signature} from public;`);
    this.addSql(`grant execute on function ${signature} to sro_runtime, sro_signin;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists sro_officer_by_token(text);`);
  }
}
