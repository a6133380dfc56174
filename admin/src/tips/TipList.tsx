import { Button, Stack } from '@mui/material';
import { Link } from 'react-router-dom';
import { Title, usePermissions } from 'react-admin';
import { canAccess, type Permissions } from '../auth/permissions';
import { DashboardCard } from '../dashboard/DashboardCard';
import { useReport } from '../reports/useReport';
import { MY_TIPS, TIP_QUEUE, type TipPage } from './tipQueries';
import { TipTable } from './TipTable';

/** The tip queue (unassigned and overdue, life-safety first, oldest first) and, for an officer, its own tips. */
export function TipList() {
  const { permissions } = usePermissions<Permissions>();
  const isOfficer = permissions?.role === 'OFFICER';
  const queue = useReport<{ tipQueue: TipPage }>(TIP_QUEUE, { perPage: 100 });
  const mine = useReport<{ tips: TipPage }>(MY_TIPS, {}, { enabled: isOfficer });
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="Tips" />
      {canAccess(permissions, 'tips', 'create') && (
        <div>
          <Button component={Link} to="/tips/create" variant="contained">
            Enter a tip
          </Button>
        </div>
      )}
      {isOfficer && (
        <DashboardCard title="My tips" isPending={mine.isPending} error={mine.error}>
          <TipTable tips={mine.data?.tips.items ?? []} label="My tips" />
        </DashboardCard>
      )}
      <DashboardCard title="Queue: unassigned and overdue" isPending={queue.isPending} error={queue.error}>
        <TipTable tips={queue.data?.tipQueue.items ?? []} label="Tip queue" />
      </DashboardCard>
    </Stack>
  );
}
