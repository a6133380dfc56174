import Lock from '@mui/icons-material/Lock';
import { Box, Typography } from '@mui/material';
import { Title } from 'react-admin';

/** What every forbidden route shows: the same page for resources and custom pages. */
export function AccessDeniedPage() {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', mt: 6, gap: 1 }}>
      <Title title="Access denied" />
      <Lock sx={{ fontSize: 64, color: 'text.secondary' }} aria-hidden />
      {/* The app bar's title is the page's h1. */}
      <Typography variant="body1">Your role does not include this page. The menu lists the pages you can open.</Typography>
    </Box>
  );
}
