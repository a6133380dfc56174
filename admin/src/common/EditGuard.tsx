import { Alert, Box } from '@mui/material';
import type { ReactNode } from 'react';
import { ShowButton, useCanAccess, useRecordContext, useResourceContext } from 'react-admin';

/**
 * Renders the edit form only when the signed-in user may change this very record (such as a chief with another
 * agency's officer); otherwise explains why and offers the read-only page. The server refuses such a change anyway.
 */
export function EditGuard({ children, reason }: { children: ReactNode; reason: string }) {
  const record = useRecordContext();
  const resource = useResourceContext();
  const { canAccess, isPending } = useCanAccess({ resource, action: 'edit', record, enabled: !!record });
  if (!record || isPending) return null;
  if (!canAccess) {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="info" action={<ShowButton label="View" />}>
          {reason}
        </Alert>
      </Box>
    );
  }
  return <>{children}</>;
}
