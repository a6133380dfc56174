import { useCallback } from 'react';
import { usePermissions } from 'react-admin';
import { canAccess, type Permissions } from '../auth/permissions';

/**
 * Whether the user may take `action` on one row of `resource`: lists let only such rows be selected, so that a
 * bulk action is never offered on a row the server would refuse.
 */
export function useMayChange(resource: string, action = 'edit') {
  const { permissions } = usePermissions<Permissions>();
  const may = useCallback(
    (record?: Record<string, unknown>) => canAccess(permissions, resource, action, record),
    [permissions, resource, action],
  );
  return { permissions, may };
}
