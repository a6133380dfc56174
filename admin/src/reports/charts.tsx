import { Box, Typography, useTheme } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { activityCategories, labelOf } from '../choices';
import type { ActivityReport } from './reportQueries';
import { formatMonthDay } from '../common/dates';

function ChartFrame({ title, height, children, empty }: { title: string; height: number; children: React.ReactElement; empty: boolean }) {
  return (
    <Box component="figure" sx={{ m: 0 }} aria-label={title}>
      <Typography variant="subtitle1" component="figcaption" gutterBottom>
        {title}
      </Typography>
      {empty ? (
        <Typography color="text.secondary" sx={{ py: 4 }}>
          No activity in this period.
        </Typography>
      ) : (
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 480, height }}>
          {children}
        </ResponsiveContainer>
      )}
    </Box>
  );
}

/** Hours and activities per week or month. */
export function SeriesChart({ series, title }: { series: ActivityReport['series']; title: string }) {
  const theme = useTheme();
  // A withheld bucket's null leaves a gap, never a bar of 0.
  const data = series.map((bucket) => ({ label: formatMonthDay(bucket.from), hours: bucket.hours, activities: bucket.activities }));
  return (
    <ChartFrame title={title} height={260} empty={series.every((bucket) => bucket.activities === 0)}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis dataKey="label" tick={{ fill: theme.palette.text.secondary, fontSize: 12 }} />
        <YAxis tick={{ fill: theme.palette.text.secondary, fontSize: 12 }} />
        <Tooltip contentStyle={{ background: theme.palette.background.paper, color: theme.palette.text.primary }} />
        <Legend />
        <Bar dataKey="hours" name="Hours" fill={theme.palette.primary.main} />
        <Bar dataKey="activities" name="Activities" fill={theme.palette.success.main} />
      </BarChart>
    </ChartFrame>
  );
}

/** Hours by category, largest first. */
export function CategoryChart({ byCategory, title }: { byCategory: ActivityReport['byCategory']; title: string }) {
  const theme = useTheme();
  const data = [...byCategory]
    .sort((left, right) => (right.hours ?? -1) - (left.hours ?? -1))
    .map((row) => ({ label: labelOf(activityCategories, row.category), hours: row.hours }));
  return (
    <ChartFrame title={title} height={Math.max(160, data.length * 28 + 40)} empty={data.length === 0}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis type="number" tick={{ fill: theme.palette.text.secondary, fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={170} tick={{ fill: theme.palette.text.secondary, fontSize: 12 }} />
        <Tooltip contentStyle={{ background: theme.palette.background.paper, color: theme.palette.text.primary }} />
        <Bar dataKey="hours" name="Hours" fill={theme.palette.primary.main} />
      </BarChart>
    </ChartFrame>
  );
}
