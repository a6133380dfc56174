import { Box, Button, Grid, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess } from 'react-admin';
import { labelOf, schoolLevels } from '../choices';
import { COVERAGE_REPORT, type CoverageReport } from '../reports/reportQueries';
import { useReport } from '../reports/useReport';
import { DashboardCard } from './DashboardCard';

function Count({ label, value, color }: { label: string; value: number; color: string }) {
  return (
    <Box sx={{ textAlign: 'center', px: 1 }}>
      <Typography variant="h3" component="p" color={color} data-testid={`coverage-${label.toLowerCase()}`}>
        {value}
      </Typography>
      <Typography variant="overline" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}

/** Covered / partial / uncovered counts today, and the uncovered schools with a way to fix each. */
export function CoverageToday({ title = 'Coverage today' }: { title?: string }) {
  const { data, error, isPending } = useReport<{ coverageReport: CoverageReport }>(COVERAGE_REPORT, {});
  const { canAccess: canAssign } = useCanAccess({ resource: 'assignments', action: 'create' });
  const report = data?.coverageReport;
  const uncovered = report?.schools.filter((row) => row.status === 'UNCOVERED') ?? [];
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 5 }}>
        <DashboardCard title={title} isPending={isPending} error={error}>
          {report && (
            <>
              <Box sx={{ display: 'flex', justifyContent: 'space-around', my: 1 }}>
                <Count label="Covered" value={report.summary.byStatus.covered} color="success.main" />
                <Count label="Partial" value={report.summary.byStatus.partial} color="warning.main" />
                <Count label="Uncovered" value={report.summary.byStatus.uncovered} color="error.main" />
                {report.summary.byStatus.noSchool > 0 && (
                  <Count label="No school" value={report.summary.byStatus.noSchool} color="text.secondary" />
                )}
              </Box>
              <Typography variant="body2" color="text.secondary">
                {report.summary.schools} active schools, {report.summary.officers} officers, {report.summary.totalFte} FTE
                {report.summary.enrollmentPerSroFte !== null && ` — ${report.summary.enrollmentPerSroFte} students per SRO FTE`}.
              </Typography>
              <Button component={RouterLink} to="/coverage" sx={{ mt: 1 }}>
                Open coverage
              </Button>
            </>
          )}
        </DashboardCard>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <DashboardCard title="Uncovered schools" isPending={isPending} error={error}>
          {uncovered.length === 0 ? (
            <Typography color="text.secondary">Every school has an SRO today.</Typography>
          ) : (
            <List dense sx={{ maxHeight: 280, overflow: 'auto' }} aria-label="Uncovered schools">
              {uncovered.map((row) => (
                <ListItem
                  key={row.school.id}
                  disableGutters
                  secondaryAction={
                    canAssign && (
                      <Button
                        size="small"
                        component={RouterLink}
                        to="/assignments/create"
                        state={{ record: { schoolId: row.school.id, role: 'PRIMARY' } }}
                      >
                        Assign
                      </Button>
                    )
                  }
                >
                  <ListItemText
                    primary={row.school.name}
                    secondary={`${labelOf(schoolLevels, row.school.level)} · ${row.school.enrollment.toLocaleString()} students`}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </DashboardCard>
      </Grid>
    </Grid>
  );
}
