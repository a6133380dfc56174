import { useMediaQuery, type Theme } from '@mui/material';

/** Under 600 px (MUI's `sm`): lists become card lists, as in react-admin's demo. */
export function useIsPhone(): boolean {
  return useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
}
