import {
  BooleanField,
  EditButton,
  FunctionField,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { canAccess, type Permissions } from '../auth/permissions';
import { InstantField } from '../common/DateFields';
import { labelOf, officerLabel } from '../choices';
import { tipCategories, tipDispositions, tipSources, tipStatuses } from './tipChoices';
import { TipSteps } from './TipSteps';

export function TipShow() {
  const { permissions } = usePermissions<Permissions>();
  const mayLog = canAccess(permissions, 'tipSteps', 'create');
  return (
    <Show actions={<TopToolbar>{canAccess(permissions, 'tips', 'edit') && <EditButton />}</TopToolbar>}>
      <SimpleShowLayout>
        <TextField source="referenceNumber" label="Reference" />
        <FunctionField label="Source" render={(tip) => labelOf(tipSources, tip.source)} />
        <FunctionField label="Category" render={(tip) => labelOf(tipCategories, tip.category)} />
        <BooleanField source="lifeSafety" label="Life safety" />
        <FunctionField label="School" render={(tip) => tip.school?.name ?? '—'} />
        <FunctionField label="Status" render={(tip) => `${labelOf(tipStatuses, tip.status)}${tip.overdue ? ' — overdue' : ''}`} />
        {/* Right under the status: on a phone the one-tap first action is on the first screen. */}
        <Labeled label="Follow-up">
          <TipSteps mayLog={mayLog} />
        </Labeled>
        <InstantField source="receivedAt" label="Received" />
        <InstantField source="firstActionDueAt" label="First action due" />
        <InstantField source="firstActionAt" label="First action" emptyText="—" />
        <FunctionField
          label="Assigned officers"
          render={(tip) => (tip.assignedOfficers as never[]).map((officer) => officerLabel(officer)).join('; ') || '—'}
        />
        <FunctionField label="Disposition" render={(tip) => labelOf(tipDispositions, tip.disposition) || '—'} />
      </SimpleShowLayout>
    </Show>
  );
}
