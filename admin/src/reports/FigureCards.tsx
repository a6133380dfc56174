import { Card, CardContent, Grid, Typography } from '@mui/material';
import type { ActivityReport, Change, SmallCellRule } from './reportQueries';
import { Figure } from './SuppressedFigure';

// What the change is measured against, as the "Compare with" select names it.
const COMPARED_WITH: Record<ActivityReport['compareTo'], string> = {
  PREVIOUS_PERIOD: 'previous period',
  PREVIOUS_QUARTER: 'previous quarter',
  SAME_PERIOD_LAST_YEAR: 'same period last year',
};

function changeText(change: Change | undefined, comparedWith: string): string {
  if (!change || change.absolute === null) return '';
  const sign = change.absolute > 0 ? '+' : '';
  const percent = change.percent === null ? '' : ` (${sign}${change.percent}%)`;
  return `${sign}${Math.round(change.absolute * 100) / 100}${percent} vs ${comparedWith}`;
}

function FigureCard({
  label,
  value,
  suppressed,
  change,
  rule,
  comparedWith,
}: {
  label: string;
  value: number | null;
  suppressed: boolean;
  change?: Change;
  rule: SmallCellRule;
  comparedWith: string;
}) {
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="overline" color="text.secondary" component="h3">
          {label}
        </Typography>
        <Typography variant="h4" component="p" data-testid={`figure-${label.toLowerCase().replace(/\s+/g, '-')}`}>
          <Figure value={value} suppressed={suppressed} rule={rule} />
        </Typography>
        {change && change.absolute !== null && (
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
  const { totals } = report;
  const shared = { suppressed: totals.suppressed, rule: report.smallCells, comparedWith: COMPARED_WITH[report.compareTo] };
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard label="Activities" value={totals.activities} {...shared} change={report.change.activities} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard label="Hours" value={totals.hours} {...shared} change={report.change.hours} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard label="Students reached" value={totals.studentsReached} {...shared} change={report.change.studentsReached} />
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <FigureCard label="Staff reached" value={totals.staffReached} {...shared} change={report.change.staffReached} />
      </Grid>
    </Grid>
  );
}
