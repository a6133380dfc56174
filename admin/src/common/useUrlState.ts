import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A page's view settings (a date, filters) kept in the URL's query string, so that a view can be bookmarked and
 * shared. A value equal to its default is left out of the URL.
 */
export function useUrlState<Key extends string>(defaults: Record<Key, string>) {
  const [params, setParams] = useSearchParams();
  // The defaults are a new literal on each render: depend on their content.
  const defaultsKey = JSON.stringify(defaults);
  const values = useMemo(
    () =>
      Object.fromEntries(
        Object.entries<string>(JSON.parse(defaultsKey) as Record<Key, string>).map(([key, fallback]) => [key, params.get(key) ?? fallback]),
      ) as Record<Key, string>,
    [params, defaultsKey],
  );
  const setValue = useCallback(
    (key: Key, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value === '' || value === (JSON.parse(defaultsKey) as Record<Key, string>)[key]) next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: true },
      ),
    [setParams, defaultsKey],
  );
  return [values, setValue] as const;
}
