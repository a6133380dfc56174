import Download from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useListContext } from 'ra-core';
import { toApiFilter, toApiSort } from './mapping';
import { resourceDefinition } from './resources';

/**
 * The server's CSV of a list (GET /export/<list>.csv): every row matching the list's filter and sort, with the
 * API's scoping and columns, streamed by the server and recorded in the audit log.
 */
export function listExportUrl(resource: string, filter: Record<string, unknown>, sort?: { field: string; order: string }): string {
  const definition = resourceDefinition(resource);
  const apiSort = toApiSort(definition, sort);
  const query = new URLSearchParams({ filter: JSON.stringify(toApiFilter(definition, filter)) });
  if (apiSort) {
    query.set('sort', apiSort.field);
    query.set('order', apiSort.order);
  }
  return `/export/${definition.listName}.csv?${query}`;
}

/** Export as a plain link, so that the browser streams the file with the session cookie (as the reports' downloads do). */
export function ServerExportButton() {
  const { resource, filter, filterValues, sort, total } = useListContext();
  // The list's permanent filter applies on top of what the user chose, as in the list itself.
  const href = listExportUrl(resource, { ...filterValues, ...filter }, sort);
  return (
    <Button href={href} download size="small" startIcon={<Download />} disabled={total === 0}>
      Export
    </Button>
  );
}
