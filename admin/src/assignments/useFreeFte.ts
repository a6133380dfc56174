import { useMemo } from 'react';
import { useGetList, type Identifier } from 'react-admin';
import { freeFteByOfficer, type AssignmentPeriod } from './assignmentRules';

// A district has far fewer assignments overlapping one period; past this, free FTE is not shown rather than wrong.
const MOST_ASSIGNMENTS = 500;

type Held = AssignmentPeriod & { id: Identifier; officerId: string };

/**
 * Every officer's free FTE on the chosen dates, from one query (the assignments overlapping them), leaving out the
 * assignment being edited; undefined until dates are chosen and the answer is complete.
 */
export function useFreeFte(
  from: string | undefined,
  to: string | null | undefined,
  editedId?: Identifier,
): Map<string, number> | undefined {
  const enabled = !!from && (!to || to >= from);
  const { data, total } = useGetList<Held>(
    'assignments',
    {
      filter: { activeFrom: from, activeTo: to || undefined },
      pagination: { page: 1, perPage: MOST_ASSIGNMENTS },
      sort: { field: 'startDate', order: 'ASC' },
    },
    { enabled },
  );
  return useMemo(() => {
    if (!enabled || !data || total === undefined || total > data.length) return undefined;
    return freeFteByOfficer(
      data.filter((assignment) => assignment.id !== editedId),
      from,
      to,
    );
  }, [enabled, data, total, editedId, from, to]);
}

/** "0.40 FTE free": what the officer picker adds to each officer once dates are chosen. */
export const freeFteText = (free: number) => `${free.toFixed(2)} FTE free`;
