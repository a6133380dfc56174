import { Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../common/dates';
import { labelOf } from '../choices';
import { age, tipCategories, tipStatuses } from './tipChoices';
import type { TipRow } from './tipQueries';
import { useNow } from './useNow';

/** Tips as a table with a live age column; overdue ones marked. */
export function TipTable({ tips, label }: { tips: TipRow[]; label: string }) {
  const now = useNow();
  if (!tips.length) return <p>None.</p>;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Reference</TableCell>
          <TableCell>Category</TableCell>
          <TableCell>School</TableCell>
          <TableCell>Received</TableCell>
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
            <TableCell>{tip.school?.name ?? '—'}</TableCell>
            <TableCell>{formatDateTime(tip.receivedAt)}</TableCell>
            <TableCell>{age(tip.receivedAt, now)}</TableCell>
            <TableCell>
              {labelOf(tipStatuses, tip.status)}
              {tip.overdue && <Chip size="small" color="warning" label="Overdue" sx={{ ml: 1 }} />}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
