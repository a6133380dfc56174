import { Chip } from '@mui/material';
import { CreateButton, DataTable, DeleteWithConfirmButton, List, TopToolbar } from 'react-admin';
import { InstantField } from '../common/DateFields';

interface ApiTokenRecord {
  id: string;
  name: string;
  prefix: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** Revoked, expired (the server refuses it from its expiry on) or active. */
function TokenStatus({ token }: { token: ApiTokenRecord }) {
  if (token.revokedAt) return <Chip size="small" label="Revoked" />;
  if (new Date(token.expiresAt).getTime() <= Date.now()) return <Chip size="small" color="warning" variant="outlined" label="Expired" />;
  return <Chip size="small" color="success" variant="outlined" label="Active" />;
}

function RevokeButton() {
  return (
    <DeleteWithConfirmButton
      label="Revoke"
      confirmTitle="Revoke this API token?"
      confirmContent="Scripts and reports that use it stop working at once. This cannot be undone."
      mutationMode="pessimistic"
      redirect={false}
    />
  );
}

function ApiTokenActions() {
  return (
    <TopToolbar>
      <CreateButton label="New token" />
    </TopToolbar>
  );
}

/** The signed-in user's API tokens, for scripts and BI tools (send `Authorization: Bearer <token>`). */
export function ApiTokenList() {
  return (
    <List
      title="My API tokens"
      actions={<ApiTokenActions />}
      pagination={false}
      perPage={100}
      exporter={false}
      sort={{ field: 'createdAt', order: 'DESC' }}
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="name" label="Name" disableSort />
        <DataTable.Col source="prefix" label="Starts with" disableSort render={(token: ApiTokenRecord) => <code>{token.prefix}…</code>} />
        <DataTable.Col source="createdAt" label="Created" disableSort>
          <InstantField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="expiresAt" label="Expires" disableSort>
          <InstantField source="expiresAt" />
        </DataTable.Col>
        <DataTable.Col source="lastUsedAt" label="Last used" disableSort>
          <InstantField source="lastUsedAt" emptyText="never" />
        </DataTable.Col>
        <DataTable.Col source="revokedAt" label="Status" disableSort render={(token: ApiTokenRecord) => <TokenStatus token={token} />} />
        <DataTable.Col label="" disableSort render={(token: ApiTokenRecord) => (token.revokedAt ? null : <RevokeButton />)} />
      </DataTable>
    </List>
  );
}
