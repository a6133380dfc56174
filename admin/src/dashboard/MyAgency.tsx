import { Grid, Stack, Typography } from '@mui/material';
import { useGetList } from 'react-admin';
import { today } from '../common/dates';
import { STAFFING_REPORT, type StaffingReport } from '../reports/reportQueries';
import { useReport } from '../reports/useReport';
import { DashboardCard } from './DashboardCard';

const AGENCY_QUARTER = `query AgencyQuarter($filter: ActivityReportFilter) {
  activityReport(preset: CURRENT_QUARTER, filter: $filter) { totals { activities hours studentsReached } }
}`;

interface AgencyQuarter {
  activityReport: { totals: { activities: number; hours: number; studentsReached: number } };
}

function Figure({ label, value }: { label: string; value: number | string | undefined }) {
  return (
    <Stack>
      <Typography variant="h5" component="p">
        {value ?? '—'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Stack>
  );
}

/** A chief's own agency first: its officers, the schools they serve, its FTE, who is absent today, its quarter. */
export function MyAgency({ agencyId, agencyName }: { agencyId: string; agencyName: string }) {
  const staffing = useReport<{ staffingReport: StaffingReport }>(STAFFING_REPORT, { filter: { agencyId } });
  const quarter = useReport<AgencyQuarter>(AGENCY_QUARTER, { filter: { agencyId } });
  // Who is away today, from the absences (an officer's absences never overlap: one per officer absent today).
  const { total: onLeave } = useGetList('officerAbsences', {
    filter: { agencyId, activeOn: today() },
    pagination: { page: 1, perPage: 1 },
  });
  const figures = staffing.data?.staffingReport.agencies.find((row) => row.agency.id === agencyId) ?? staffing.data?.staffingReport.totals;
  const totals = quarter.data?.activityReport.totals;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <DashboardCard title={`${agencyName} today`} isPending={staffing.isPending} error={staffing.error}>
          <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Figure label="active officers" value={figures?.activeOfficers} />
            <Figure label="assigned today" value={figures?.assignedOfficers} />
            <Figure label="schools served" value={figures?.schoolsServed} />
            <Figure label="FTE" value={figures?.totalFte} />
            <Figure label="absent today" value={onLeave} />
          </Stack>
        </DashboardCard>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <DashboardCard title={`${agencyName} this quarter`} isPending={quarter.isPending} error={quarter.error}>
          <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Figure label="activities" value={totals?.activities} />
            <Figure label="hours" value={totals?.hours} />
            <Figure label="students reached" value={totals?.studentsReached} />
          </Stack>
        </DashboardCard>
      </Grid>
    </Grid>
  );
}
