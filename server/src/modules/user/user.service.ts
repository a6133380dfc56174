import { ref, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../common/actor';
import { audit } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { CrudService, assignDefined, reference } from '../../common/crud';
import { badInput, conflict } from '../../common/errors';
import { parseId, parseIds } from '../../common/validation';
import { Agency } from '../agency/agency.entity';
import { agencyPolicy } from '../agency/agency.policy';
import { hashPassword } from '../auth/passwords';
import { Session } from '../auth/session.entity';
import { Officer } from '../officer/officer.entity';
import { officerPolicy } from '../officer/officer.policy';
import { User } from './user.entity';
import { userPolicy } from './user.policy';
import { userSortColumns, type BulkUpdateUserInput, type CreateUserInput, type UpdateUserInput, type UserFilter } from './user.inputs';

const isActiveAdmin = (user: User) => user.role === Role.ADMIN && user.active;

/** Refuses to leave the district without an active administrator. Admin rows are locked so two demotions cannot race. */
async function keepAnAdmin(em: EntityManager, user: User): Promise<void> {
  const admins = await em.execute<{ id: number }[]>(`select id from app_user where role = 'ADMIN' and active and id <> ? for update`, [
    user.id,
  ]);
  if (admins.length === 0) throw conflict('This is the last active administrator: make another user ADMIN first', { reason: 'LAST_ADMIN' });
}

/** Links a user to the agency or officer its role needs, and to nothing else. */
async function link(
  em: EntityManager,
  ctx: RequestContext,
  user: User,
  agencyId: string | null | undefined,
  officerId: string | null | undefined,
) {
  if (user.role === Role.AGENCY_CHIEF) {
    const id = agencyId ?? (user.agency ? String(user.agency.id) : null);
    if (!id) throw badInput('An AGENCY_CHIEF user needs an agency', { agencyId: ['Choose the agency'] });
    user.agency = ref(await reference(em, ctx, Agency, agencyPolicy, id, 'agencyId'));
    user.officer = null;
  } else if (user.role === Role.OFFICER) {
    const id = officerId ?? (user.officer ? String(user.officer.id) : null);
    if (!id) throw badInput('An OFFICER user needs an officer record', { officerId: ['Choose the officer'] });
    const officer = await reference(em, ctx, Officer, officerPolicy, id, 'officerId');
    user.officer = ref(officer);
    user.agency = ref(em.getReference(Agency, officer.agency.id));
  } else {
    user.agency = null;
    user.officer = null;
  }
}

/**
 * A reset or a deactivation takes every credential away: sessions end and API tokens are revoked (each token
 * audited), so that none comes back when the account is reactivated.
 */
async function endCredentials(em: EntityManager, ctx: RequestContext, user: User, reason: 'password_reset' | 'deactivated'): Promise<void> {
  const now = new Date();
  await em.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: now });
  const revoked = await em.execute<{ id: number }[]>(
    `update api_token set revoked_at = ? where user_id = ? and revoked_at is null returning id`,
    [now, user.id],
  );
  for (const { id } of revoked) audit(em, ctx, { action: 'token_revoked', entityType: 'ApiToken', entityId: id, details: { reason } });
}

export const userService = new CrudService<User, UserFilter, CreateUserInput, UpdateUserInput, BulkUpdateUserInput>({
  entity: User,
  policy: userPolicy,
  sortColumns: userSortColumns,
  where(filter) {
    const where: FilterQuery<User>[] = [];
    if (filter?.q) {
      const like = `%${filter.q}%`;
      where.push({ $or: [{ email: { $ilike: like } }, { displayName: { $ilike: like } }] });
    }
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.role) where.push({ role: filter.role });
    if (filter?.agencyId) where.push({ agency: parseId(filter.agencyId, 'filter.agencyId') });
    if (filter?.active !== undefined && filter.active !== null) where.push({ active: filter.active });
    return { $and: where };
  },
  async build(em, ctx, { password, agencyId, officerId, ...values }) {
    const user = em.create(User, {
      ...values,
      email: values.email.trim(),
      active: values.active ?? true,
      passwordHash: await hashPassword(password),
    });
    await link(em, ctx, user, agencyId, officerId);
    return user;
  },
  async apply(em, ctx, user, input: Partial<UpdateUserInput>) {
    const { password, agencyId, officerId, ...values } = input;
    const wasActiveAdmin = isActiveAdmin(user);
    assignDefined(user, values);
    if (values.role !== undefined || agencyId !== undefined || officerId !== undefined) await link(em, ctx, user, agencyId, officerId);
    if (wasActiveAdmin && !isActiveAdmin(user)) await keepAnAdmin(em, user);
    if (password !== undefined) {
      user.passwordHash = await hashPassword(password);
      audit(em, ctx, { action: 'password_reset', entityType: 'User', entityId: user.id });
    }
    if (password !== undefined || values.active === false) {
      await endCredentials(em, ctx, user, values.active === false ? 'deactivated' : 'password_reset');
    }
  },
  async beforeDelete(em, _ctx, user) {
    if (isActiveAdmin(user)) await keepAnAdmin(em, user);
  },
});
