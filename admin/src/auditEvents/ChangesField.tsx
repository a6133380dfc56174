import { Box } from '@mui/material';
import { formatDate, formatDateTime } from '../common/dates';

type Change = { before?: unknown; after?: unknown };

// Dates and instants in a change are written as everywhere else in the console.
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  if (CALENDAR_DATE.test(text)) return formatDate(text);
  if (INSTANT.test(text)) return formatDateTime(text);
  return text;
}

/** "fte: 0.5 → 1" for each changed field of an audit event. */
export function ChangesField({ changes }: { changes: Record<string, unknown> | null }) {
  if (!changes || Object.keys(changes).length === 0) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2, fontSize: '0.85em' }}>
      {Object.entries(changes).map(([field, change]) => {
        const { before, after } = (change ?? {}) as Change;
        return (
          <li key={field}>
            <strong>{field}</strong>: {show(before)} → {show(after)}
          </li>
        );
      })}
    </Box>
  );
}
