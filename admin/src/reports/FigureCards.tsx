import { Card, CardContent, Grid, Typography } from '@mui/material';
import type { ActivityReport, Change } from './reportQueries';

// What the change is measured against, as the "Compare with" select names it.
const COMPARED_WITH: Record<ActivityReport['compareTo'], string> = {
  PREVIOUS_PERIOD: 'previous period',
  PREVIOUS_QUARTER: 'previous quarter',
  SAME_PERIOD_LAST_YEAR: 'same period last year',
};

function changeText(change: Change | undefined, comparedWith: string): string {
  if (!change) return '';
  const sign = change.absolute > 0 ? '+' : '';
  const percent = change.percent === null ? '' : ` (${sign}${change.percent}%)`;
  return `${sign}${Math.round(change.absolute * 100) / 100}${percent} vs ${comparedWith}`;
}

function FigureCard({ label, value, change, comparedWith }: { label: string; value: number; change?: Change; comparedWith: string }) {
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
            {changeText(change, comparedWith)}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** The period's totals, each with its change from the comparison period. */
export function FigureCards({ report }: { report: ActivityReport }) {
  const comparedWith = COMPARED_WITH[report.compareTo];
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard label="Activities" value={report.totals.activities} change={report.change.activities} comparedWith={comparedWith} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard label="Hours" value={report.totals.hours} change={report.change.hours} comparedWith={comparedWith} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard
          label="Students reached"
          value={report.totals.studentsReached}
          change={report.change.studentsReached}
          comparedWith={comparedWith}
        />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard
          label="Staff reached"
          value={report.totals.staffReached}
          change={report.change.staffReached}
          comparedWith={comparedWith}
        />
      </Grid>
    </Grid>
  );
}
