import './setupWorkers';
import 'graphiql/style.css';
import { Box } from '@mui/material';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { Title, useTheme } from 'react-admin';
import { exampleTabs } from './exampleQueries';

// The signed-in session's cookie goes with every request (same origin): the explorer sees what the user may see.
const fetcher: GraphiQLProps['fetcher'] = async (parameters) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(parameters),
  });
  return response.json();
};

/** GraphiQL, bundled into the console (nothing from a CDN), with an example query for each report. */
export default function ExplorerPage() {
  const [theme] = useTheme();
  return (
    <Box sx={{ height: 'calc(100vh - 64px)', display: 'flex', flexDirection: 'column', pt: 1 }}>
      <Title title="API explorer" />
      <Box sx={{ flex: 1, minHeight: 0, '& .graphiql-container': { height: '100%' } }}>
        <GraphiQL
          fetcher={fetcher}
          defaultTabs={exampleTabs}
          forcedTheme={theme === 'dark' ? 'dark' : 'light'}
          shouldPersistHeaders={false}
          isHeadersEditorEnabled={false}
        />
      </Box>
    </Box>
  );
}
