import { Grid, Link as MuiLink, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { graphqlRequest } from '../graphql/client';
import { DASHBOARD_AUDITS } from '../safetyAudits/walkQueries';
import { DashboardCard } from './DashboardCard';

interface Cards {
  schoolsDueForAudit: { schoolId: string; schoolName: string; lastAuditOn: string | null; dueOn: string | null }[];
  correctiveActions: { totalCount: number; items: { id: string; what: string; dueOn: string; owner: string }[] };
}

/** "Schools due for audit" and "Overdue corrective actions", from the server's lists. */
export function SafetyAuditCards() {
  const [cards, setCards] = useState<Cards>();
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    graphqlRequest<Cards>(DASHBOARD_AUDITS).then(setCards, setError);
  }, []);
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <DashboardCard title="Schools due for audit" isPending={!cards && !error} error={error}>
          <Typography variant="h4">{cards?.schoolsDueForAudit.length}</Typography>
          <List dense>
            {cards?.schoolsDueForAudit.slice(0, 5).map((school) => (
              <ListItem key={school.schoolId} disableGutters>
                <ListItemText
                  primary={school.schoolName}
                  secondary={school.lastAuditOn ? `last audit ${school.lastAuditOn}` : 'never audited'}
                />
              </ListItem>
            ))}
          </List>
        </DashboardCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <DashboardCard title="Overdue corrective actions" isPending={!cards && !error} error={error}>
          <Typography variant="h4">{cards?.correctiveActions.totalCount}</Typography>
          <List dense>
            {cards?.correctiveActions.items.map((action) => (
              <ListItem key={action.id} disableGutters>
                <ListItemText primary={action.what} secondary={`due ${action.dueOn} · ${action.owner}`} />
              </ListItem>
            ))}
          </List>
          <MuiLink component={Link} to="/correctiveActions?filter=%7B%22overdue%22%3Atrue%7D">
            The actions board
          </MuiLink>
        </DashboardCard>
      </Grid>
    </Grid>
  );
}
