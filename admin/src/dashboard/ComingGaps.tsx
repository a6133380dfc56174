import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { addDays, formatDate, today } from '../common/dates';
import { COMING_GAPS, type ComingGapsAnswer } from '../reports/reportQueries';
import { useReport } from '../reports/useReport';
import { DashboardCard } from './DashboardCard';

/** How far ahead the card looks, today included. */
export const GAP_DAYS = 14;

/** The school-days without coverage in the next two weeks (absences and the calendar included), from the server. */
export function ComingGaps() {
  const from = today();
  const { data, error, isPending } = useReport<ComingGapsAnswer>(COMING_GAPS, { from, to: addDays(from, GAP_DAYS - 1) });
  const gaps = data?.coveragePeriodReport.gaps ?? [];
  return (
    <DashboardCard title={`Gaps in the next ${GAP_DAYS} days`} isPending={isPending} error={error}>
      {gaps.length === 0 ? (
        <Typography color="text.secondary">Every school-day has an SRO.</Typography>
      ) : (
        // Focusable because it scrolls: keyboard users can then scroll it with the arrow keys.
        <List dense sx={{ maxHeight: 280, overflow: 'auto' }} aria-label="Coming gaps" tabIndex={0}>
          {gaps.map((gap) => (
            <ListItem key={`${gap.date}-${gap.school.id}`} disableGutters>
              <ListItemText primary={gap.school.name} secondary={formatDate(gap.date)} />
            </ListItem>
          ))}
        </List>
      )}
    </DashboardCard>
  );
}
