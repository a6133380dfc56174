import { Alert, Box, Button as MuiButton, Card, CardContent, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Create, maxLength, minValue, NumberInput, required, SimpleForm, TextInput, useRedirect } from 'react-admin';

/** The secret, shown once right after it is created: the server keeps only its hash. */
function CreatedToken({ token }: { token: string }) {
  const redirect = useRedirect();
  const [copied, setCopied] = useState(false);
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          Your new API token
        </Typography>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Copy it now: it is shown only this once. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
        </Alert>
        <MuiTextField
          label="API token"
          value={token}
          fullWidth
          slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'new-api-token' } }}
        />
        <Box sx={{ mt: 2, display: 'flex', gap: 1 }}>
          <MuiButton
            variant="contained"
            onClick={() =>
              navigator.clipboard?.writeText(token).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Copied' : 'Copy'}
          </MuiButton>
          <MuiButton onClick={() => redirect('list', 'apiTokens')}>Done</MuiButton>
        </Box>
      </CardContent>
    </Card>
  );
}

export function ApiTokenCreate() {
  const [token, setToken] = useState<string | null>(null);
  if (token) return <CreatedToken token={token} />;
  return (
    <Create
      title="New API token"
      redirect={false}
      mutationOptions={{ onSuccess: (created) => setToken(typeof created.token === 'string' ? created.token : null) }}
    >
      <SimpleForm>
        <TextInput
          source="name"
          label="Name"
          helperText='What will use it, such as "Power BI refresh"'
          validate={[required(), maxLength(100)]}
          sx={{ minWidth: 360 }}
        />
        <NumberInput
          source="lifetimeDays"
          label="Lifetime (days)"
          helperText="Leave empty for the server's default (365 days unless configured); it cannot exceed the server's maximum"
          min={1}
          step={1}
          validate={[minValue(1)]}
          sx={{ minWidth: 360 }}
        />
      </SimpleForm>
    </Create>
  );
}
