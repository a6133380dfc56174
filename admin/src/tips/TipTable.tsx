import { Chip, List, ListItemButton, ListItemText, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useIsPhone } from '../common/useIsPhone';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../common/dates';
import { labelOf } from '../choices';
import { age, tipCategories, tipStatuses } from './tipChoices';
import type { TipRow } from './tipQueries';
import { useNow } from './useNow';

/** Tips as a table with a live age column; overdue ones marked. */
export function TipTable({ tips, label }: { tips: TipRow[]; label: string }) {
  const now = useNow();
  // On a phone the age says when; the received time would only push the table past the screen.
  const isPhone = useIsPhone();
  if (!tips.length) return <p>None.</p>;
  if (isPhone)
    return (
      <List dense aria-label={label}>
        {tips.map((tip) => (
          <ListItemButton key={tip.id} component={Link} to={`/tips/${tip.id}/show`} divider>
            <ListItemText
              primary={`${tip.lifeSafety ? 'Life safety · ' : ''}${labelOf(tipCategories, tip.category)} · ${tip.referenceNumber}`}
              secondary={`${age(tip.receivedAt, now)} · ${labelOf(tipStatuses, tip.status)}${tip.overdue ? ' · Overdue' : ''}`}
              slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
            />
          </ListItemButton>
        ))}
      </List>
    );
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>Reference</TableCell>
            <TableCell>Category</TableCell>
            {!isPhone && <TableCell>School</TableCell>}
            {!isPhone && <TableCell>Received</TableCell>}
            <TableCell>Age</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {tips.map((tip) => (
            <TableRow key={tip.id} hover>
              <TableCell>
                <Link to={`/tips/${tip.id}/show`}>{tip.referenceNumber}</Link>
              </TableCell>
              <TableCell>
                {tip.lifeSafety && <Chip size="small" color="error" label="Life safety" sx={{ mr: 1 }} />}
                {labelOf(tipCategories, tip.category)}
              </TableCell>
              {!isPhone && <TableCell>{tip.school?.name ?? '—'}</TableCell>}
              {!isPhone && <TableCell>{formatDateTime(tip.receivedAt)}</TableCell>}
              <TableCell>{age(tip.receivedAt, now)}</TableCell>
              <TableCell>
                {labelOf(tipStatuses, tip.status)}
                {tip.overdue && <Chip size="small" color="warning" label="Overdue" sx={{ ml: 1 }} />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
