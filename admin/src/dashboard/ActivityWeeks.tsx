import { Grid } from '@mui/material';
import { lazy, Suspense } from 'react';
import { addDays, today } from '../common/dates';
import { ACTIVITY_REPORT, type ActivityReport } from '../reports/reportQueries';
import { useReport } from '../reports/useReport';
import { DashboardCard } from './DashboardCard';

// The chart library is large: the dashboard's first paint (and the login page) load without it.
const SeriesChart = lazy(() => import('../reports/charts').then((charts) => ({ default: charts.SeriesChart })));
const CategoryChart = lazy(() => import('../reports/charts').then((charts) => ({ default: charts.CategoryChart })));

/** The Monday that starts the 12-week window ending this week. */
function twelveWeeksAgo(): string {
  const now = new Date();
  const daysSinceMonday = (now.getDay() + 6) % 7;
  return addDays(today(), -daysSinceMonday - 11 * 7);
}

/** Activity over the last 12 weeks, and hours by category over the same weeks. */
export function ActivityWeeks() {
  const { data, error, isPending } = useReport<{ activityReport: ActivityReport }>(ACTIVITY_REPORT, {
    from: twelveWeeksAgo(),
    to: today(),
    interval: 'WEEK',
  });
  const report = data?.activityReport;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <DashboardCard title="Activity, last 12 weeks" isPending={isPending} error={error}>
          {report && (
            <Suspense fallback={null}>
              <SeriesChart
                series={report.series}
                title={
                  report.totals.suppressed
                    ? 'Activity'
                    : `${report.totals.activities} activities, ${report.totals.hours} hours, ${report.totals.studentsReached} students reached`
                }
              />
            </Suspense>
          )}
        </DashboardCard>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <DashboardCard title="Hours by category" isPending={isPending} error={error}>
          {report && (
            <Suspense fallback={null}>
              <CategoryChart byCategory={report.byCategory} title="Last 12 weeks" />
            </Suspense>
          )}
        </DashboardCard>
      </Grid>
    </Grid>
  );
}
