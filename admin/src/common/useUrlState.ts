import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A page's view settings (a date, filters) kept in the URL's query string, so that a view can be bookmarked and
 * shared, and a reload keeps it. A value equal to its default is left out of the URL. Returns the values, a setter
 * of one value, and a setter of several at once (one URL change: separate calls would each start from the same URL).
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
  const setValues = useCallback(
    (changes: Partial<Record<Key, string>>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          const fallbacks = JSON.parse(defaultsKey) as Record<Key, string>;
          for (const [key, value] of Object.entries(changes) as [Key, string | undefined][]) {
            if (value === undefined || value === '' || value === fallbacks[key]) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams, defaultsKey],
  );
  const setValue = useCallback((key: Key, value: string) => setValues({ [key]: value } as Partial<Record<Key, string>>), [setValues]);
  return [values, setValue, setValues] as const;
}
