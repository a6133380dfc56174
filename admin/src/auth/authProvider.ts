import type { AuthProvider } from 'react-admin';
import { ApiError, graphqlRequest, isServerFailure, type GraphQLRequest } from '../graphql/client';
import { canAccess, type Permissions, type Role } from './permissions';
import { announceSessionEnded, announceSessionStarted } from './session';

export interface SessionUser {
  id: string;
  role: Role;
  email: string;
  displayName: string;
  agency: { id: string; name: string } | null;
  officer: { id: string } | null;
}

const USER_FIELDS = 'id role email displayName agency { id name } officer { id }';
const STORAGE_KEY = 'sro-hub.user';

/** The user is kept in localStorage only to paint the menu quickly; the session itself is the httpOnly cookie. */
function storedUser(): SessionUser | null {
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as SessionUser) : null;
  } catch {
    return null;
  }
}

function storeUser(user: SessionUser | null) {
  if (!globalThis.localStorage) return;
  if (user) localStorage.setItem(STORAGE_KEY, JSON.stringify(user));
  else localStorage.removeItem(STORAGE_KEY);
}

export function permissionsOf(user: SessionUser | null): Permissions | null {
  return user ? { role: user.role, agencyId: user.agency?.id ?? null, officerId: user.officer?.id ?? null } : null;
}

const statusOf = (error: unknown) => (error as { status?: number })?.status;

/** Sign-in with the login mutation (the server sets the session cookie), `me` to check it, logout to end it. */
export function createAuthProvider(request: GraphQLRequest = graphqlRequest): AuthProvider {
  async function currentUser(): Promise<SessionUser | null> {
    const { me } = await request<{ me: SessionUser | null }>(`query Me { me { ${USER_FIELDS} } }`);
    storeUser(me);
    return me;
  }

  return {
    async login({ username, email, password }: { username?: string; email?: string; password: string }) {
      try {
        const { login } = await request<{ login: { user: SessionUser } }>(
          `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { expiresAt user { ${USER_FIELDS} } } }`,
          { email: (email ?? username ?? '').trim(), password },
        );
        storeUser(login.user);
        announceSessionStarted();
        // No redirectTo: react-admin then returns to the page the user was on when the session ended (or home).
        return undefined;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'RATE_LIMITED') throw new Error(error.message, { cause: error });
        if (error instanceof ApiError && error.code !== 'NETWORK_ERROR') throw new Error('Wrong e-mail or password', { cause: error });
        throw error;
      }
    },

    async logout() {
      const hadUser = storedUser() !== null;
      storeUser(null);
      if (hadUser) await request('mutation Logout { logout }').catch(() => undefined);
    },

    async checkAuth() {
      try {
        if (await currentUser()) return;
      } catch (error) {
        // A server that cannot be reached (or fails) says nothing about the session: keep the page and its form;
        // the connection banner retries. Only the server's own "no session" signs the user out.
        if (isServerFailure(error) && storedUser()) return;
      }
      throw new Error('Sign in first');
    },

    async checkError(error) {
      // The session ended (idle or absolute expiry, or revoked). Never reject here: react-admin would turn the
      // failed call into an empty success (a save would say "updated"). The layout signs out on this event instead.
      if (statusOf(error) === 401) {
        const user = storedUser();
        storeUser(null);
        announceSessionEnded(user?.id ?? null);
      }
    },

    async getIdentity() {
      const user = storedUser() ?? (await currentUser());
      if (!user) throw new Error('Sign in first');
      return { id: user.id, fullName: user.displayName, email: user.email, role: user.role, agency: user.agency };
    },

    async getPermissions() {
      return permissionsOf(storedUser() ?? (await currentUser()));
    },

    async canAccess({ resource, action, record }) {
      return canAccess(permissionsOf(storedUser() ?? (await currentUser().catch(() => null))), resource, action, record);
    },
  };
}

export const authProvider = createAuthProvider();
