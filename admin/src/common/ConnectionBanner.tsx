import { Alert } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { graphqlRequest, UNREACHABLE_MESSAGE } from '../graphql/client';
import { useServerReachable } from '../graphql/reachability';

const PING_EVERY_MS = 2000;

/**
 * While the server cannot be reached: says so, keeps the page (and any open form) as it is, and asks the server
 * every two seconds; once it answers, the page's queries run again so that it recovers by itself.
 */
export function ConnectionBanner() {
  const reachable = useServerReachable();
  const queryClient = useQueryClient();
  const wasUnreachable = useRef(false);

  useEffect(() => {
    if (reachable) {
      if (wasUnreachable.current) void queryClient.invalidateQueries();
      wasUnreachable.current = false;
      return;
    }
    wasUnreachable.current = true;
    const timer = setInterval(() => void graphqlRequest('query Ping { __typename }').catch(() => undefined), PING_EVERY_MS);
    return () => clearInterval(timer);
  }, [reachable, queryClient]);

  if (reachable) return null;
  return (
    <Alert severity="warning" role="status" sx={{ my: 1 }}>
      {UNREACHABLE_MESSAGE}
    </Alert>
  );
}
