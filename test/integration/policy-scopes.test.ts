import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Role, type Actor } from '../../server/src/common/actor';
import type { Policy } from '../../server/src/common/policy';
import { enterRowSecurity } from '../../server/src/common/row-security';
import { Activity } from '../../server/src/modules/activity/activity.entity';
import { activityPolicy } from '../../server/src/modules/activity/activity.policy';
import { Agency } from '../../server/src/modules/agency/agency.entity';
import { agencyPolicy } from '../../server/src/modules/agency/agency.policy';
import { Assignment } from '../../server/src/modules/assignment/assignment.entity';
import { assignmentPolicy } from '../../server/src/modules/assignment/assignment.policy';
import { actorOf } from '../../server/src/modules/auth/auth.service';
import { Officer } from '../../server/src/modules/officer/officer.entity';
import { officerPolicy } from '../../server/src/modules/officer/officer.policy';
import { School } from '../../server/src/modules/school/school.entity';
import { schoolPolicy } from '../../server/src/modules/school/school.policy';
import { TipOfficer } from '../../server/src/modules/tip/tip-officer.entity';
import { TipStep } from '../../server/src/modules/tip/tip-step.entity';
import { Tip, TipCategory, TipSource } from '../../server/src/modules/tip/tip.entity';
import { tipPolicy, tipStepPolicy } from '../../server/src/modules/tip/tip.policy';
import { User } from '../../server/src/modules/user/user.entity';
import { userPolicy } from '../../server/src/modules/user/user.policy';
import { openTestDatabase } from '../support/database';
import { Factory } from '../support/factories';

// Within each policy file, a role's scope is said twice: the ORM filter (`where`) and the row-security predicate
// (`sql`), and for writes a check on one row (`holds`). On real rows, each pair must pick the same rows: the
// filter as the owner (no row security) against the predicate as the role's database role.

interface Feature<T extends { id: number }> {
  entity: EntityClass<T>;
  policy: Policy<T, string>;
  /** Relations the policy's facts read. */
  populate?: string[];
}

const feature = <T extends { id: number }>(entity: EntityClass<T>, policy: Policy<T, string>, populate?: string[]): Feature<T> => ({
  entity,
  policy,
  populate,
});

const FEATURES = [
  feature(Agency, agencyPolicy),
  feature(Officer, officerPolicy),
  feature(School, schoolPolicy),
  feature(Assignment, assignmentPolicy),
  feature(Activity, activityPolicy, ['officer']),
  feature(User, userPolicy),
  feature(Tip, tipPolicy),
  feature(TipStep, tipStepPolicy, ['officer']),
] as Feature<{ id: number }>[];

const rollback = new Error('rollback');

/** Runs `work` in a transaction acting as `actor` under row security, rolled back afterwards. */
async function asRole<R>(orm: MikroORM, actor: Actor, work: (em: EntityManager) => Promise<R>): Promise<R> {
  let result: R | undefined;
  await orm.em
    .fork()
    .transactional(async (em) => {
      await enterRowSecurity(em, actor);
      result = await work(em);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return result!;
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('each policy file says the same rows twice', () => {
  let orm: MikroORM;
  let actors: Actor[];
  const ids = new Map<string, number[]>();

  beforeAll(async () => {
    orm = await openTestDatabase();
    const factory = new Factory(orm);
    const [agencyA, agencyB] = [await factory.agency(), await factory.agency()];
    const [a1, a2, b1] = [await factory.officer(agencyA), await factory.officer(agencyA), await factory.officer(agencyB)];
    const [s1, s2, s3] = [await factory.school(), await factory.school(), await factory.school()];
    const assignments = [await factory.assignment(a1, s1), await factory.assignment(b1, s2)];
    const activities = [await factory.activity(a1, s1), await factory.activity(a2, null), await factory.activity(b1, s2)];
    const users = [
      await factory.user(Role.ADMIN),
      await factory.user(Role.ANALYST),
      await factory.user(Role.AGENCY_CHIEF, { agency: agencyA }),
      await factory.user(Role.OFFICER, { officer: a1 }),
    ].map(({ user }) => user);
    const em = orm.em.fork();
    actors = (await em.find(User, { id: { $in: users.map((user) => user.id) } })).map(actorOf);
    ids.set('agency', [agencyA.id, agencyB.id]);
    ids.set('officer', [a1.id, a2.id, b1.id]);
    ids.set('school', [s1.id, s2.id, s3.id]);
    ids.set(
      'assignment',
      assignments.map((row) => row.id),
    );
    ids.set(
      'activity',
      activities.map((row) => row.id),
    );
    // Tips: one assigned to a1 at s1, one assigned to b1 at s2, one at s1 nobody is assigned to, one unassigned
    // without a school; a step on each of the first two.
    const tipEm = orm.em.fork();
    const tip = (schoolId: number | null) =>
      tipEm.create(Tip, {
        referenceNumber: `scopes-${process.pid}-${Math.random()}`,
        source: TipSource.P3,
        receivedAt: new Date(Date.now() - 3_600_000),
        category: TipCategory.OTHER,
        school: schoolId,
      } as never);
    const tips = [tip(s1.id), tip(s2.id), tip(s1.id), tip(null)];
    await tipEm.flush();
    tipEm.create(TipOfficer, { tip: tips[0], officer: a1.id } as never);
    tipEm.create(TipOfficer, { tip: tips[1], officer: b1.id } as never);
    const steps = [
      tipEm.create(TipStep, {
        tip: tips[0],
        officer: a1.id,
        activity: activities[0].id,
        takenAt: new Date(),
        kind: 'CONTACT_MADE',
        minutes: 5,
      } as never),
      tipEm.create(TipStep, {
        tip: tips[1],
        officer: b1.id,
        activity: activities[2].id,
        takenAt: new Date(),
        kind: 'CONTACT_MADE',
        minutes: 5,
      } as never),
    ];
    await tipEm.flush();
    ids.set(
      'tip',
      tips.map((row) => row.id),
    );
    ids.set(
      'tip_step',
      steps.map((row) => row.id),
    );
    ids.set(
      'app_user',
      users.map((user) => user.id),
    );
  });

  afterAll(() => orm.close());

  test.each(FEATURES.map((entry) => [entry.policy.table, entry]))(
    'table %s: the read filter and the read predicate',
    async (table, entry) => {
      for (const actor of actors) {
        const rules = entry.policy.rules(actor.role);
        // Where row security says more on purpose (the own account through `me`), the API reads nothing here.
        if (rules.rowSecurity?.select) continue;
        const fixture = { id: { $in: ids.get(table)! } } as FilterQuery<{ id: number }>;
        const readable = entry.policy.readable(actor);
        const byFilter = readable === false ? [] : await orm.em.fork().find(entry.entity, { $and: [readable, fixture] });
        const byRowSecurity = await asRole(orm, actor, (em) =>
          em.execute<{ id: number }[]>(`select id from "${table}" where id in (${ids.get(table)!.join(', ')})`),
        );
        expect({ actor: actor.role, ids: sorted(byFilter.map((row) => row.id)) }).toEqual({
          actor: actor.role,
          ids: sorted(byRowSecurity.map((row) => row.id)),
        });
      }
    },
  );

  test.each(FEATURES.map((entry) => [entry.policy.table, entry]))(
    'table %s: the update check and the update predicate',
    async (table, entry) => {
      for (const actor of actors) {
        const rules = entry.policy.rules(actor.role);
        const rows = await orm.em
          .fork()
          .find(entry.entity, { id: { $in: ids.get(table)! } }, { populate: (entry.populate ?? []) as never });
        // The rows the actor reads and whose facts the update scope holds (the edit window is the API's alone).
        const visible = await asRole(orm, actor, (em) =>
          em.execute<{ id: number }[]>(`select id from "${table}" where id in (${ids.get(table)!.join(', ')})`),
        );
        const byCheck = rows
          .filter((row) => visible.some((seen) => seen.id === row.id))
          .filter((row) => rules.update?.holds(actor, entry.policy.definition.facts(row)) ?? false)
          .map((row) => row.id);
        const byRowSecurity = await asRole(orm, actor, (em) =>
          em.execute<{ id: number }[]>(`update "${table}" set version = version where id in (${ids.get(table)!.join(', ')}) returning id`),
        );
        expect({ actor: actor.role, ids: sorted(byCheck) }).toEqual({ actor: actor.role, ids: sorted(byRowSecurity.map((row) => row.id)) });
      }
    },
  );
});
