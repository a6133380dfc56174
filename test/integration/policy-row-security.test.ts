import type { Knex } from '@mikro-orm/postgresql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../server/src/common/actor';
import type { PolicyTable, RowSecurityCommand } from '../../server/src/common/policy';
import { activityPolicy } from '../../server/src/modules/activity/activity.policy';
import { agencyPolicy } from '../../server/src/modules/agency/agency.policy';
import { assignmentPolicy } from '../../server/src/modules/assignment/assignment.policy';
import { auditPolicy } from '../../server/src/modules/audit/audit.policy';
import { mouCostTermPolicy, mouDocumentPolicy, mouPolicy } from '../../server/src/modules/agreement/mou.policy';
import { officerPolicy } from '../../server/src/modules/officer/officer.policy';
import { officerAbsencePolicy } from '../../server/src/modules/officer-absence/officer-absence.policy';
import { schoolClosurePolicy, schoolYearPolicy } from '../../server/src/modules/calendar/calendar.policy';
import { safetyAuditPolicies } from '../../server/src/modules/safety-audit/safety-audit.policy';
import { schoolPolicy } from '../../server/src/modules/school/school.policy';
import { tipOfficerPolicy, tipPolicy, tipStepPolicy } from '../../server/src/modules/tip/tip.policy';
import { trainingCoursePolicy, trainingRecordPolicy, trainingRequirementPolicy } from '../../server/src/modules/training/training.policy';
import { userPolicy } from '../../server/src/modules/user/user.policy';
import { openTestDatabase } from '../support/database';

// The drift test of row security: what PostgreSQL holds in pg_policies, per table, database role and command,
// must be what the feature's policy table (`<feature>.policy.ts`) declares for that role. Runs on the server
// database and on the embedded one (run it without DATABASE_URL).

const POLICIES: PolicyTable[] = [
  agencyPolicy,
  officerPolicy,
  schoolPolicy,
  assignmentPolicy,
  activityPolicy,
  userPolicy,
  auditPolicy,
  officerAbsencePolicy,
  schoolYearPolicy,
  schoolClosurePolicy,
  ...safetyAuditPolicies,
  tipPolicy,
  tipOfficerPolicy,
  tipStepPolicy,
  trainingCoursePolicy,
  trainingRecordPolicy,
  trainingRequirementPolicy,
  mouPolicy,
  mouDocumentPolicy,
  mouCostTermPolicy,
];

/** The PostgreSQL role each kind of actor acts as (common/row-security.ts). */
const DATABASE_ROLE: Record<Role, string> = {
  [Role.ADMIN]: 'sro_admin',
  [Role.ANALYST]: 'sro_analyst',
  [Role.AGENCY_CHIEF]: 'sro_chief',
  [Role.OFFICER]: 'sro_officer',
};
/** The group of the four request roles: a policy for it applies to each of them. */
const GROUPS = ['sro_app', 'public'];

/**
 * Tables with row security that have no policy table: the credentials' machinery, whose policies are the
 * migrations' alone (runtime_role): a session and an API token are their owner's.
 */
const NOT_FEATURES = ['session', 'api_token'];

/** A row-security check of one command: `update` is checked on the row before (`using`) and after (`check`). */
type Check = 'select' | 'insert' | 'update using' | 'update check' | 'delete';
const CHECKS: { check: Check; command: RowSecurityCommand }[] = [
  { check: 'select', command: 'select' },
  { check: 'insert', command: 'insert' },
  { check: 'update using', command: 'update' },
  { check: 'update check', command: 'update' },
  { check: 'delete', command: 'delete' },
];

interface PolicyRow {
  tablename: string;
  policyname: string;
  roles: string[] | string;
  cmd: string;
  qual: string | null;
  with_check: string | null;
  permissive: string;
}

/** PostgreSQL's `name[]` comes back as text such as `{sro_admin,sro_chief}` through some drivers. */
const rolesOf = (row: PolicyRow) => (Array.isArray(row.roles) ? row.roles : row.roles.replace(/[{}]/g, '').split(','));

/** The predicates a policy row contributes to one check of one command, as PostgreSQL applies them. */
function predicateOf(row: PolicyRow, check: Check): string | null | undefined {
  const command = check.split(' ')[0];
  if (row.cmd !== 'ALL' && row.cmd.toLowerCase() !== command) return undefined;
  if (check === 'select' || check === 'delete' || check === 'update using') return row.qual;
  // A policy without WITH CHECK checks new rows with its USING expression.
  return row.with_check ?? row.qual;
}

/** What PostgreSQL holds: per role and check, the distinct predicates of the permissive policies that apply. */
function actualChecks(rows: PolicyRow[], table: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const role of Object.values(Role)) {
    for (const { check } of CHECKS) {
      const predicates = rows
        .filter((row) => row.tablename === table)
        .filter((row) => rolesOf(row).some((name) => name === DATABASE_ROLE[role] || GROUPS.includes(name)))
        .map((row) => predicateOf(row, check))
        .filter((predicate): predicate is string => typeof predicate === 'string');
      result[`${table} ${role} ${check}`] = [...new Set(predicates)].sort();
    }
  }
  return result;
}

/** What the policy table declares, per role and check, in the policy file's own SQL. */
function declaredChecks(policy: PolicyTable): Record<string, string | null> {
  const result: Record<string, string | null> = {};
  for (const role of Object.values(Role)) {
    const rules = policy.rules(role);
    const scopes: Record<RowSecurityCommand, { sql: string } | null> = {
      select: rules.read,
      insert: rules.create,
      update: rules.update,
      delete: rules.delete,
    };
    for (const { check, command } of CHECKS) {
      result[`${policy.table} ${role} ${check}`] = rules.rowSecurity?.[command] ?? scopes[command]?.sql ?? null;
    }
  }
  return result;
}

/**
 * The declared predicates as PostgreSQL writes them back: each becomes a policy on its table in a transaction
 * that is rolled back, and is read from pg_policies (so that spacing, casts and parentheses compare equal).
 */
async function asPostgresWritesThem(knex: Knex, declared: Record<string, string | null>): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  const rollback = new Error('rollback');
  await knex
    .transaction(async (transaction) => {
      let index = 0;
      const names = new Map<string, string>();
      for (const [key, sql] of Object.entries(declared)) {
        if (sql === null) continue;
        const name = `sro_drift_check_${index++}`;
        names.set(key, name);
        await transaction.raw(`create policy ${name} on "${key.split(' ')[0]}" for select to sro_admin using (${sql})`);
      }
      const rows = await transaction.raw<{ rows: { policyname: string; qual: string }[] }>(
        `select policyname, qual from pg_policies where policyname like 'sro_drift_check_%'`,
      );
      const qualOf = new Map(rows.rows.map((row) => [row.policyname, row.qual]));
      for (const key of Object.keys(declared)) result[key] = names.has(key) ? [qualOf.get(names.get(key)!)!] : [];
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return result;
}

describe('row security matches the policy tables', () => {
  let orm: MikroORM;
  let rows: PolicyRow[];

  beforeAll(async () => {
    orm = await openTestDatabase();
    rows = await orm.em
      .getConnection()
      .execute<PolicyRow[]>(
        `select tablename, policyname, roles, cmd, qual, with_check, permissive from pg_policies where schemaname = current_schema()`,
      );
  });

  afterAll(() => orm.close());

  test.each(POLICIES.map((policy) => [policy.table, policy]))(
    'table %s: each role reads and writes in PostgreSQL what its policy file declares',
    async (_table, policy) => {
      const declared = await asPostgresWritesThem(orm.em.getConnection().getKnex(), declaredChecks(policy));
      expect(actualChecks(rows, policy.table)).toEqual(declared);
    },
  );

  test('every policy is permissive, on a table with row security on, and every such table has a policy table', async () => {
    expect(rows.filter((row) => row.permissive !== 'PERMISSIVE')).toEqual([]);
    const tables = POLICIES.map((policy) => policy.table);
    const withPolicies = [...new Set(rows.map((row) => row.tablename))].sort();
    expect(withPolicies).toEqual([...tables, ...NOT_FEATURES].sort());
    const secured = await orm.em
      .getConnection()
      .execute<{ relname: string }[]>(
        `select relname from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r' and relrowsecurity`,
      );
    expect(secured.map((row) => row.relname).sort()).toEqual(expect.arrayContaining(tables.sort()));
  });

  test('every policy file names its entity\u2019s table', () => {
    const tables = orm.getMetadata().getAll().valueOf() as Record<string, { tableName: string }>;
    const known = new Set(Object.values(tables).map((meta) => meta.tableName));
    for (const policy of POLICIES) expect(known.has(policy.table) ? policy.table : `${policy.table} (no such table)`).toBe(policy.table);
  });
});
