import { DataTable, DateTimeInput, List, SimpleList, TextInput } from 'react-admin';
import { useIsPhone } from '../common/useIsPhone';
import { ChangesField } from './ChangesField';
import { ServerListActions } from '../dataProvider/ServerListActions';
import { InstantField } from '../common/DateFields';
import { formatDateTime } from '../common/dates';

const filters = [
  <TextInput key="action" source="action" label="Action" helperText="such as update or login_failure" />,
  <TextInput key="entityType" source="entityType" label="Record type" helperText="such as Assignment" />,
  <TextInput key="entityId" source="entityId" label="Record id" />,
  <TextInput key="actorUserId" source="actorUserId" label="User id" />,
  <DateTimeInput key="from" source="from" label="From" />,
  <DateTimeInput key="to" source="to" label="Before" />,
];

interface AuditEventRecord {
  id: string;
  createdAt: string;
  action: string;
  actorLabel: string;
  entityType: string | null;
  entityId: string | null;
  changes: Record<string, unknown> | null;
  requestId: string;
}

/** The audit log: read-only, newest first. */
export function AuditEventList() {
  const isPhone = useIsPhone();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ServerListActions />} title="Audit log">
      {isPhone ? (
        <SimpleList<AuditEventRecord>
          primaryText={(event) => `${event.action}${event.entityType ? ` · ${event.entityType} ${event.entityId ?? ''}` : ''}`}
          secondaryText={(event) => event.actorLabel}
          tertiaryText={(event) => formatDateTime(event.createdAt)}
          linkType={false}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="createdAt" label="When">
            <InstantField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col source="actorLabel" label="Who" disableSort />
          <DataTable.Col source="action" label="Action" />
          <DataTable.Col
            source="entityType"
            label="Record"
            disableSort
            render={(event: AuditEventRecord) => (event.entityType ? `${event.entityType} ${event.entityId ?? ''}` : '')}
          />
          <DataTable.Col
            source="changes"
            label="Changes"
            disableSort
            render={(event: AuditEventRecord) => <ChangesField changes={event.changes} />}
          />
        </DataTable>
      )}
    </List>
  );
}
