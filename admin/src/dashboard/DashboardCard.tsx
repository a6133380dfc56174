import { Alert, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A dashboard panel with a heading, a loading bar while its report runs, and the error if it failed. */
export function DashboardCard({
  title,
  isPending,
  error,
  children,
}: {
  title: string;
  isPending?: boolean;
  error?: Error | null;
  children?: ReactNode;
}) {
  return (
    <Card sx={{ height: '100%' }} component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {isPending && <LinearProgress aria-label={`Loading ${title.toLowerCase()}`} />}
        {error && <Alert severity="error">{error.message}</Alert>}
        {!isPending && !error && children}
      </CardContent>
    </Card>
  );
}
