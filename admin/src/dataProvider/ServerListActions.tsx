import { CreateButton, FilterButton, TopToolbar, useFilterContext, useResourceDefinition } from 'react-admin';
import { ServerExportButton } from './serverExporter';

/** react-admin's list actions (filters, create) with the server's export in place of the in-browser one. */
export function ServerListActions() {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters && <FilterButton />}
      {hasCreate && <CreateButton />}
      <ServerExportButton />
    </TopToolbar>
  );
}
