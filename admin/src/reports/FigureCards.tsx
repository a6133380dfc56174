import { Card, CardContent, Grid, Typography } from '@mui/material';
import type { ActivityReport, Change } from './reportQueries';

function changeText(change: Change | undefined): string {
  if (!change) return '';
  const sign = change.absolute > 0 ? '+' : '';
  const percent = change.percent === null ? '' : ` (${sign}${change.percent}%)`;
  return `${sign}${Math.round(change.absolute * 100) / 100}${percent} vs previous period`;
}

function FigureCard({ label, value, change }: { label: string; value: number; change?: Change }) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="overline" color="text.secondary" component="h3">
          {label}
        </Typography>
        <Typography variant="h4" component="p" data-testid={`figure-${label.toLowerCase().replace(/\s+/g, '-')}`}>
          {value.toLocaleString()}
        </Typography>
        {change && (
          <Typography variant="caption" color={change.absolute >= 0 ? 'success.main' : 'error.main'}>
            {changeText(change)}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** The period's totals, each with its change from the previous period of equal length. */
export function FigureCards({ report }: { report: ActivityReport }) {
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard label="Activities" value={report.totals.activities} change={report.change.activities} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard label="Hours" value={report.totals.hours} change={report.change.hours} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard label="Students reached" value={report.totals.studentsReached} change={report.change.studentsReached} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard label="Staff reached" value={report.totals.staffReached} change={report.change.staffReached} />
      </Grid>
    </Grid>
  );
}
