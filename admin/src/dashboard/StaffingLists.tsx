import { Grid, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { assignmentRoles, labelOf, officerLabel } from '../choices';
import { formatDate } from '../common/dates';
import { STAFFING_REPORT, type StaffingReport } from '../reports/reportQueries';
import { useReport } from '../reports/useReport';
import { DashboardCard } from './DashboardCard';

/** Assignments ending within 30 days and active officers without an assignment: the next staffing decisions. */
export function StaffingLists() {
  const { data, error, isPending } = useReport<{ staffingReport: StaffingReport }>(STAFFING_REPORT, { filter: { endingWithinDays: 30 } });
  const report = data?.staffingReport;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <DashboardCard title="Assignments ending within 30 days" isPending={isPending} error={error}>
          {report && report.endingAssignments.length === 0 && (
            <Typography color="text.secondary">No assignment ends in the next 30 days.</Typography>
          )}
          <List dense aria-label="Assignments ending within 30 days">
            {report?.endingAssignments.map((assignment) => (
              <ListItem key={assignment.id} disableGutters>
                <ListItemText
                  primary={
                    <Link component={RouterLink} to={`/assignments/${assignment.id}/show`}>
                      {assignment.school.name}: {officerLabel(assignment.officer)}
                    </Link>
                  }
                  secondary={`${labelOf(assignmentRoles, assignment.role)}, ${assignment.fte} FTE — ends ${formatDate(assignment.endDate)}`}
                />
              </ListItem>
            ))}
          </List>
        </DashboardCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <DashboardCard title="Active officers without an assignment" isPending={isPending} error={error}>
          {report && report.unassignedOfficers.length === 0 && (
            <Typography color="text.secondary">Every active officer is assigned today.</Typography>
          )}
          <List dense aria-label="Active officers without an assignment">
            {report?.unassignedOfficers.map((officer) => (
              <ListItem key={officer.id} disableGutters>
                <ListItemText
                  primary={
                    <Link component={RouterLink} to={`/officers/${officer.id}/show`}>
                      {officerLabel(officer)}
                    </Link>
                  }
                />
              </ListItem>
            ))}
          </List>
        </DashboardCard>
      </Grid>
    </Grid>
  );
}
