import type { AuthProvider } from 'react-admin';
import { ApiError, graphqlRequest, type GraphQLRequest } from '../graphql/client';
import { canAccess, type Permissions, type Role } from './permissions';

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
        return { redirectTo: login.user.role === 'OFFICER' ? '/quick-log' : '/' };
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
      const user = await currentUser().catch(() => null);
      if (!user) throw new Error('Sign in first');
    },

    async checkError(error) {
      // The session ended (idle or absolute expiry, or revoked): back to the login page.
      if (statusOf(error) === 401) {
        storeUser(null);
        throw new Error('Your session has ended: sign in again');
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
