import { Role } from '../../common/actor';
import { actorSetting, ALL_ROWS, definePolicy, NOTHING, type RoleRules } from '../../common/policy';
import type { User } from './user.entity';

/**
 * Every other role reads only its own account, through `me` (which reads it as the actor): the API's lists
 * refuse them, row security lets them read that one row.
 */
const ownAccountOnly: RoleRules<User, never> = { ...NOTHING, fields: {}, rowSecurity: { select: `id = ${actorSetting('user_id')}` } };

/** Accounts are the district administrator's: only ADMIN reads or writes them. */
export const userPolicy = definePolicy<User>({
  table: 'app_user',
  facts: () => ({}),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} },
    [Role.ANALYST]: ownAccountOnly,
    [Role.AGENCY_CHIEF]: ownAccountOnly,
    [Role.OFFICER]: ownAccountOnly,
  },
});
