import { Chip } from '@mui/material';
import { coverageStatuses, labelOf } from '../choices';

const colors = { COVERED: 'success', PARTIAL: 'warning', UNCOVERED: 'error', NO_SCHOOL: 'default' } as const;

/** COVERED / PARTIAL / UNCOVERED / NO_SCHOOL as a coloured label; the text carries the meaning, not only the colour. */
export function CoverageChip({ status }: { status: string | null | undefined }) {
  if (!status) return null;
  return <Chip size="small" label={labelOf(coverageStatuses, status)} color={colors[status as keyof typeof colors] ?? 'default'} />;
}
