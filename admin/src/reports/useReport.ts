import { useQuery } from '@tanstack/react-query';
import { useLogoutIfAccessDenied } from 'react-admin';
import { toHttpError } from '../dataProvider/errors';
import { graphqlRequest } from '../graphql/client';

/**
 * Runs one report query with react-query (cached per query and variables). A session that ended sends the user
 * to the login page, as the data provider's errors do.
 */
export function useReport<T>(query: string, variables: Record<string, unknown>, options: { enabled?: boolean } = {}) {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return useQuery<T, Error>({
    queryKey: ['report', query, variables],
    enabled: options.enabled ?? true,
    retry: false,
    queryFn: async () => {
      try {
        return await graphqlRequest<T>(query, variables);
      } catch (error) {
        const httpError = toHttpError(error) as Error;
        await logoutIfAccessDenied(httpError);
        throw httpError;
      }
    },
  });
}
