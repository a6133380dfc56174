import { Box } from '@mui/material';

type Change = { before?: unknown; after?: unknown };

const show = (value: unknown) =>
  value === null || value === undefined ? '∅' : typeof value === 'object' ? JSON.stringify(value) : String(value);

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
