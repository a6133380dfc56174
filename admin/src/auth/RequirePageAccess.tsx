import type { ReactNode } from 'react';
import { CanAccess, useRequireAccess } from 'react-admin';

/** A custom page behind the same rule and the same "Access denied" page as the resources (for /coverage, /explorer). */
export function RequirePageAccess({ page, children }: { page: string; children: ReactNode }) {
  useRequireAccess({ resource: page, action: 'list' });
  return (
    <CanAccess resource={page} action="list">
      {children}
    </CanAccess>
  );
}
