import { Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useGetList } from 'react-admin';
import { assignmentRoles, labelOf } from '../choices';
import { today } from '../common/dates';
import { DashboardCard } from './DashboardCard';

/** An officer's schools today, with the quick log one tap away. */
export function MyAssignments() {
  const {
    data = [],
    isPending,
    error,
  } = useGetList('assignments', {
    filter: { activeOn: today() },
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'startDate', order: 'ASC' },
  });
  return (
    <DashboardCard title="My schools today" isPending={isPending} error={error as Error | null}>
      {data.length === 0 ? (
        <Typography color="text.secondary">You have no assignment today.</Typography>
      ) : (
        <List dense aria-label="My schools today">
          {data.map((assignment) => (
            <ListItem key={assignment.id} disableGutters>
              <ListItemText
                primary={assignment.school.name}
                secondary={`${labelOf(assignmentRoles, assignment.role)}, ${assignment.fte} FTE`}
              />
            </ListItem>
          ))}
        </List>
      )}
      <Button component={RouterLink} to="/quick-log" variant="contained" sx={{ mt: 1 }}>
        Log an activity
      </Button>
    </DashboardCard>
  );
}
