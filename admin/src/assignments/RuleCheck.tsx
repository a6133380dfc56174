import { Alert, Link, Stack } from '@mui/material';
import { useFormState, useWatch } from 'react-hook-form';
import { useGetList, useGetOne, useRecordContext } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { assignmentViolations, describeAssignment, type AssignmentPeriod, type RuleViolation } from './assignmentRules';

type Assignment = AssignmentPeriod & { id: string; officer?: { firstName?: string; lastName?: string } };

// The rule behind a clash the server found, by the field it put its message on.
const SERVER_RULES = {
  startDate: 'An officer has at most one PRIMARY assignment on any day',
  fte: "An officer's summed FTE on any day is at most 1.00",
};

/** The assignment a save clashed with, as the server named it (dataProvider/errors.ts), while its field error shows. */
function useServerClash(): { id: string; field: keyof typeof SERVER_RULES } | undefined {
  const { errors } = useFormState();
  const id = (errors.root as Record<string, { message?: string }> | undefined)?.clashingAssignmentId?.message;
  const field = (['startDate', 'fte'] as const).find((name) => errors[name]?.type === 'server');
  return id && field ? { id, field } : undefined;
}

/**
 * Warns while the form is filled in when the assignment would break a rule (the server has the last word). A clash
 * is one warning, found here or by the server: it names the school and links to the clashing assignment.
 */
export function RuleCheck() {
  const record = useRecordContext();
  const [officerId, role, startDate, endDate, fte] = useWatch({ name: ['officerId', 'role', 'startDate', 'endDate', 'fte'] });
  const { data: others = [] } = useGetList<Assignment>(
    'assignments',
    { filter: { officerId }, pagination: { page: 1, perPage: 200 }, sort: { field: 'startDate', order: 'ASC' } },
    { enabled: !!officerId },
  );
  const serverClash = useServerClash();
  const violations =
    officerId && startDate && role
      ? assignmentViolations(
          { id: record?.id as string | undefined, role, startDate, endDate: endDate || null, fte: Number(fte) || 0 },
          others,
        )
      : [];
  const knownHere = violations.some((violation) => violation.clashingAssignmentId === serverClash?.id);
  const { data: clashing } = useGetOne<Assignment>('assignments', { id: serverClash?.id ?? '' }, { enabled: !!serverClash && !knownHere });
  if (serverClash && !knownHere && clashing) {
    violations.push({ field: serverClash.field, message: SERVER_RULES[serverClash.field], clashingAssignmentId: serverClash.id, clashing });
  }
  if (violations.length === 0) return null;
  // One warning per clashing assignment, however many rules it breaks.
  const warnings = new Map<string, RuleViolation[]>();
  for (const violation of violations) {
    const key = violation.clashingAssignmentId ?? violation.message;
    warnings.set(key, [...(warnings.get(key) ?? []), violation]);
  }
  return (
    <Stack spacing={1} sx={{ mb: 2, maxWidth: 900 }}>
      {[...warnings].map(([key, broken]) => (
        <ViolationAlert key={key} violations={broken} />
      ))}
    </Stack>
  );
}

function ViolationAlert({ violations }: { violations: RuleViolation[] }) {
  const { clashing, clashingAssignmentId } = violations[0];
  const rules = violations.map((violation) => `${violation.message}.`).join(' ');
  if (!clashing || !clashingAssignmentId) return <Alert severity="warning">{rules}</Alert>;
  return (
    <Alert severity="warning">
      Clashes with the {describeAssignment(clashing)}. {rules}{' '}
      <Link component={RouterLink} to={`/assignments/${clashingAssignmentId}/show`} color="inherit" underline="always">
        Open the clashing assignment
      </Link>
    </Alert>
  );
}
