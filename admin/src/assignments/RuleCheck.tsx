import { Alert, Stack } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { useGetList, useRecordContext } from 'react-admin';
import { assignmentViolations, type AssignmentPeriod } from './assignmentRules';

/** Warns while the form is filled in when the assignment would break a rule (the server has the last word). */
export function RuleCheck() {
  const record = useRecordContext();
  const [officerId, role, startDate, endDate, fte] = useWatch({ name: ['officerId', 'role', 'startDate', 'endDate', 'fte'] });
  const { data: others = [] } = useGetList<AssignmentPeriod & { id: string }>(
    'assignments',
    { filter: { officerId }, pagination: { page: 1, perPage: 200 }, sort: { field: 'startDate', order: 'ASC' } },
    { enabled: !!officerId },
  );
  if (!officerId || !startDate || !role) return null;
  const violations = assignmentViolations(
    { id: record?.id as string | undefined, role, startDate, endDate: endDate || null, fte: Number(fte) || 0 },
    others,
  );
  if (violations.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2, maxWidth: 900 }} role="alert" aria-live="polite">
      {violations.map((violation) => (
        <Alert key={violation.message} severity="error">
          {violation.message}
        </Alert>
      ))}
    </Stack>
  );
}
