import { Chip } from '@mui/material';

/** A small Active / Inactive label for tables. */
export function ActiveChip({ active }: { active: boolean | undefined }) {
  return <Chip size="small" label={active ? 'Active' : 'Inactive'} color={active ? 'success' : 'default'} variant="outlined" />;
}
