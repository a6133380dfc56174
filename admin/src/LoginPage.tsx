import Shield from '@mui/icons-material/Shield';
import { Avatar, Box, Button, Card, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLogin, useNotify } from 'react-admin';

/** Sign-in with e-mail and password; the server answers with an httpOnly session cookie. */
export function LoginPage() {
  const login = useLogin();
  const notify = useNotify();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    login({ email, password }).catch((error: Error) => {
      setPending(false);
      notify(error?.message || 'Sign-in failed', { type: 'error' });
    });
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'background.default', p: 2 }}>
      <Card sx={{ width: '100%', maxWidth: 380 }} component="main">
        <CardContent>
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', mb: 2 }}>
            <Avatar sx={{ bgcolor: 'primary.main', mb: 1 }}>
              <Shield />
            </Avatar>
            <Typography variant="h5" component="h1">
              SRO Hub
            </Typography>
            <Typography variant="body2" color="text.secondary">
              School Resource Officer program
            </Typography>
          </Box>
          <form onSubmit={submit} aria-label="Sign in">
            <TextField
              label="E-mail"
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              required
              fullWidth
              margin="normal"
              autoFocus
            />
            <TextField
              label="Password"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
              fullWidth
              margin="normal"
            />
            <Button
              type="submit"
              variant="contained"
              fullWidth
              disabled={pending}
              sx={{ mt: 2 }}
              startIcon={pending ? <CircularProgress size={18} /> : null}
            >
              Sign in
            </Button>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
}
