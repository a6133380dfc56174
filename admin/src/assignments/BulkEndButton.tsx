import EventBusy from '@mui/icons-material/EventBusy';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { Button, useListContext, useNotify, useRefresh, useUpdateMany, type Identifier, type RaRecord } from 'react-admin';
import { assignmentLabel } from '../choices';
import { formatDate, today } from '../common/dates';

/** "Assignment of Lauren Pike at Juniper Valley High ends", or "3 assignments end". */
function endedWhat(ids: Identifier[], shown: RaRecord[]): string {
  const one = ids.length === 1 ? shown.find((record) => record.id === ids[0]) : undefined;
  if (one) return `${assignmentLabel(one)} ends`;
  return ids.length === 1 ? 'The assignment ends' : `${ids.length} assignments end`;
}

/** Ends the selected assignments on one day (such as the last day of the school year). */
export function BulkEndButton() {
  const { selectedIds, onUnselectItems, data = [] } = useListContext();
  const [open, setOpen] = useState(false);
  const [endDate, setEndDate] = useState(today());
  const notify = useNotify();
  const refresh = useRefresh();
  const [updateMany, { isPending }] = useUpdateMany();

  const end = () =>
    updateMany(
      'assignments',
      { ids: selectedIds, data: { endDate } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(`${endedWhat(selectedIds, data)} on ${formatDate(endDate)}`, { type: 'success' });
          setOpen(false);
          onUnselectItems();
          refresh();
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );

  return (
    <>
      <Button label="End on…" onClick={() => setOpen(true)}>
        <EventBusy />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="bulk-end-title">
        <DialogTitle id="bulk-end-title">End {selectedIds.length} assignment(s)</DialogTitle>
        <DialogContent>
          <MuiTextField
            type="date"
            label="Last day"
            value={endDate}
            onChange={(event) => setEndDate(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="Cancel" onClick={() => setOpen(false)} />
          <Button label="End them" onClick={end} disabled={isPending || !endDate} variant="contained" />
        </DialogActions>
      </Dialog>
    </>
  );
}
