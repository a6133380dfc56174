import { Button, Chip } from '@mui/material';
import {
  BooleanInput,
  DataTable,
  FilterButton,
  List,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { DayField } from '../common/DateFields';
import { graphqlRequest } from '../graphql/client';
import { ServerExportButton } from '../dataProvider/serverExporter';
import { MARK_DONE } from '../safetyAudits/walkQueries';

interface CorrectiveActionRecord {
  id: string;
  what: string;
  owner: string;
  dueOn: string;
  status: string;
  overdue: boolean;
  version: number;
  finding: { severity: string | null; item: { criterion: string } | null } | null;
}

const OWNERS = [
  { id: 'SCHOOL', name: 'School' },
  { id: 'DISTRICT_FACILITIES', name: 'District facilities' },
  { id: 'AGENCY', name: 'Agency' },
];
const STATUSES = [
  { id: 'OPEN', name: 'Open' },
  { id: 'IN_PROGRESS', name: 'In progress' },
  { id: 'DONE', name: 'Done' },
  { id: 'DEFERRED', name: 'Deferred' },
];

const filters = [
  <BooleanInput key="overdue" source="overdue" label="Overdue" alwaysOn />,
  <SelectInput key="status" source="status" label="Status" choices={STATUSES} alwaysOn />,
  <SelectInput key="owner" source="owner" label="Owner" choices={OWNERS} alwaysOn />,
];

/** Closes an action today (the server records the change in the audit trail). */
function DoneButton() {
  const action = useRecordContext<CorrectiveActionRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'safetyAuditWalk', action: 'list' });
  if (!action || !canAccess || action.status === 'DONE') return null;
  const markDone = () =>
    graphqlRequest(MARK_DONE, { id: action.id, version: action.version })
      .then(() => {
        notify(`Action ${action.id} done`, { type: 'success' });
        refresh();
      })
      .catch((failure: Error) => notify(failure.message, { type: 'error' }));
  return (
    <Button size="large" variant="outlined" onClick={markDone}>
      Done
    </Button>
  );
}

/** The actions board: open and overdue actions by owner, soonest due first. */
export function CorrectiveActionList() {
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'OPEN' }}
      sort={{ field: 'dueOn', order: 'ASC' }}
      title="Corrective actions"
      actions={
        <TopToolbar>
          <FilterButton />
          <ServerExportButton />
        </TopToolbar>
      }
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="dueOn" label="Due">
          <DayField source="dueOn" />
        </DataTable.Col>
        <DataTable.Col
          source="overdue"
          label=""
          disableSort
          render={(action: CorrectiveActionRecord) => (action.overdue ? <Chip size="small" color="error" label="Overdue" /> : null)}
        />
        <DataTable.Col source="what" label="What" disableSort />
        <DataTable.Col
          source="owner"
          label="Owner"
          disableSort
          render={(action: CorrectiveActionRecord) => OWNERS.find((owner) => owner.id === action.owner)?.name}
        />
        <DataTable.Col source="finding.severity" label="Severity" disableSort />
        <DataTable.Col source="status" label="Status" />
        <DataTable.Col label="" disableSort>
          <DoneButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
