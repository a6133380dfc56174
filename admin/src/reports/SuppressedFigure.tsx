import { Box, Tooltip } from '@mui/material';
import type { SmallCellRule } from './reportQueries';

/** Why a figure is withheld, as the server's rule says it (SMALL_CELL_MIN_OFFICERS, SMALL_CELL_MIN_ACTIVITIES). */
export function suppressionText(rule: SmallCellRule): string {
  return `Withheld: other agencies' work on fewer than ${rule.minOfficers} officers or ${rule.minActivities} activities`;
}

/** A report figure, or "—" with the reason when the server withheld it: never a 0 that was not counted. */
export function Figure({ value, suppressed, rule }: { value: number | null; suppressed: boolean; rule: SmallCellRule }) {
  if (!suppressed && value !== null) return <>{value.toLocaleString()}</>;
  const reason = suppressionText(rule);
  return (
    <Tooltip title={reason}>
      <Box component="span" aria-label={reason} sx={{ cursor: 'help', color: 'text.secondary' }}>
        —
      </Box>
    </Tooltip>
  );
}
