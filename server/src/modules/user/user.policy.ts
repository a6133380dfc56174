import { isAdmin, type Policy } from '../../common/policy';
import type { User } from './user.entity';

/** Accounts are the district administrator's: only ADMIN reads or writes them (everyone reads itself through `me`). */
export const userPolicy: Policy<User> = {
  readable: (actor) => (isAdmin(actor) ? {} : false),
  canCreate: isAdmin,
  canUpdate: isAdmin,
  canDelete: isAdmin,
};
