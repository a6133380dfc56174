import { Chip, Stack, Typography } from '@mui/material';
import { Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { DayField } from '../common/DateFields';
import type { SafetyAuditRecord } from './types';

/** The failed findings with their notes (null for analysts), the rest counted. */
function Findings() {
  const audit = useRecordContext<SafetyAuditRecord>();
  if (!audit) return null;
  const failed = audit.findings.filter((finding) => finding.severity !== null);
  const met = audit.findings.filter((finding) => finding.result === 'MEETS').length;
  return (
    <Stack spacing={1}>
      <Typography>
        {met} of {audit.findings.length} items meet the criterion; {failed.length} need action.
      </Typography>
      {failed.map((finding) => (
        <Stack key={finding.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Chip
            size="small"
            label={finding.severity}
            color={finding.severity === 'CRITICAL' || finding.severity === 'HIGH' ? 'error' : 'warning'}
          />
          <Typography variant="body2">
            Item {finding.itemId}: {finding.result === 'DEFICIENT' ? 'deficient' : 'needs improvement'}
            {finding.note ? ` — ${finding.note}` : ''}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
}

export function SafetyAuditShow() {
  return (
    <Show title="Safety audit">
      <SimpleShowLayout>
        <TextField source="school.name" label="School" />
        <DayField source="date" label="Date" />
        <TextField source="status" label="Status" />
        <Findings />
      </SimpleShowLayout>
    </Show>
  );
}
