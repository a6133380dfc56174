import { Button, List, ListItem, ListItemText, Stack } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { labelOf, officerLabel } from '../choices';
import { toHttpError } from '../dataProvider/errors';
import { graphqlRequest } from '../graphql/client';
import { useReport } from '../reports/useReport';
import { tipStepKinds } from './tipChoices';
import { LOG_STEP, TIP_STEPS } from './tipQueries';

interface Step {
  id: string;
  takenAt: string;
  kind: string;
  minutes: number;
  note: string | null;
  officer: { id: string; firstName: string; lastName: string; rank?: string };
}

/**
 * A tip's follow-up steps, and on an open tip the one-tap "First action taken" (a contact made now, 15 minutes):
 * big enough for a thumb on a phone. Each step is also the officer's TIP_FOLLOW_UP activity (the server's doing).
 */
export function TipSteps({ mayLog }: { mayLog: boolean }) {
  const tip = useRecordContext<{ id: string; status: string; firstActionAt: string | null }>();
  const steps = useReport<{ tipSteps: { items: Step[] } }>(TIP_STEPS, { tipId: tip?.id }, { enabled: Boolean(tip) });
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  if (!tip) return null;

  const log = async (kind: string) => {
    setBusy(true);
    try {
      await graphqlRequest(LOG_STEP, { input: { tipId: tip.id, kind, minutes: 15 } });
      notify(`${labelOf(tipStepKinds, kind)} logged on the tip`, { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['report'] });
      refresh();
    } catch (error) {
      notify((toHttpError(error) as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1}>
      {mayLog && tip.status !== 'CLOSED' && !tip.firstActionAt && (
        <Button
          variant="contained"
          color="primary"
          size="large"
          fullWidth
          disabled={busy}
          onClick={() => log('CONTACT_MADE')}
          sx={{ minHeight: 56 }}
        >
          First action taken
        </Button>
      )}
      {mayLog && tip.status !== 'CLOSED' && (
        <Button variant="outlined" size="large" fullWidth disabled={busy} onClick={() => log('WELFARE_CHECK')} sx={{ minHeight: 48 }}>
          Welfare check done
        </Button>
      )}
      <List dense aria-label="Follow-up steps">
        {(steps.data?.tipSteps.items ?? []).map((step) => (
          <ListItem key={step.id} divider>
            <ListItemText
              primary={`${labelOf(tipStepKinds, step.kind)} · ${step.minutes} min · ${officerLabel(step.officer as never)}`}
              secondary={`${formatDateTime(step.takenAt)}${step.note ? ` · ${step.note}` : ''}`}
            />
          </ListItem>
        ))}
        {steps.data && steps.data.tipSteps.items.length === 0 && <ListItem>No step yet.</ListItem>}
      </List>
    </Stack>
  );
}
