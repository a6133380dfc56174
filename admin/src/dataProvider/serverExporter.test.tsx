import { renderToStaticMarkup } from 'react-dom/server';
import { ListContextProvider, type ListControllerResult } from 'ra-core';
import { listExportUrl, ServerExportButton } from './serverExporter';

const decoded = (url: string) => {
  const [path, query] = url.split('?');
  return { path, parameters: Object.fromEntries(new URLSearchParams(query)) };
};

describe("a list's server export", () => {
  it("names the list's CSV with the filter the API knows (as JSON) and the API's sort field", () => {
    const url = listExportUrl('activities', { agencyId: '3', category: 'TRAINING', q: '', unknown: 'x' }, { field: 'date', order: 'DESC' });
    expect(decoded(url)).toEqual({
      path: '/export/activities.csv',
      parameters: { filter: '{"agencyId":"3","category":"TRAINING"}', sort: 'DATE', order: 'DESC' },
    });
  });

  it("leaves the sort to the API's default when the list sorts by a field the API cannot sort by", () => {
    expect(decoded(listExportUrl('auditEvents', {}, { field: 'changes', order: 'ASC' }))).toEqual({
      path: '/export/auditEvents.csv',
      parameters: { filter: '{}' },
    });
  });

  it("links the Export button to the list's current filter, permanent filter and sort", () => {
    const context = {
      resource: 'officers',
      filterValues: { status: 'ON_LEAVE' },
      filter: { agencyId: '2' },
      sort: { field: 'lastName', order: 'ASC' },
      total: 1200,
    } as unknown as ListControllerResult;
    const html = renderToStaticMarkup(
      <ListContextProvider value={context}>
        <ServerExportButton />
      </ListContextProvider>,
    );
    const href = /href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
    expect(decoded(href)).toEqual({
      path: '/export/officers.csv',
      parameters: { filter: '{"agencyId":"2","status":"ON_LEAVE"}', sort: 'LAST_NAME', order: 'ASC' },
    });
    expect(html).toContain('download');
  });
});
