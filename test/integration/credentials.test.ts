import { Role } from '../../server/src/common/actor';
import { ApiToken } from '../../server/src/modules/auth/api-token.entity';
import { hashToken } from '../../server/src/modules/auth/tokens';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const CHANGE_PASSWORD = `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`;
const DAY_MS = 86_400_000;

/** Credentials that die with the account's (issue 16, items 5 to 7): API token lifetimes, officer accounts, changePassword. */
describe('credentials follow their account', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;

  beforeAll(async () => {
    app = await TestApp.start({ API_TOKEN_DEFAULT_DAYS: '30', API_TOKEN_MAX_DAYS: '90' });
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
  });
  afterAll(() => app.stop());

  const sql = (query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params);
  const signIn = async (email: string, password: string) => (await app.query(LOGIN, { email, password })).login.token as string;
  const whoAmI = async (token: string) => (await app.query(`{ me { id } }`, {}, token)).me;

  /** An account made by the administrator, with a password to sign in with; an officer's needs `officerId`. */
  async function account(role = 'ANALYST', officerId?: number) {
    const email = `${unique('person').replace(/\W/g, '')}@example.org`;
    const password = 'correct horse battery';
    const created = await app.query(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email, displayName: 'Person', role, password, officerId: officerId === undefined ? undefined : String(officerId) } },
      admin,
    );
    return { id: created.createUser.id as string, email, password };
  }

  async function apiToken(session: string, lifetimeDays?: number) {
    const created = await app.query(
      `mutation($days: Int) { createApiToken(name: "script", lifetimeDays: $days) { token apiToken { id expiresAt } } }`,
      { days: lifetimeDays },
      session,
    );
    return { token: created.createApiToken.token as string, ...created.createApiToken.apiToken };
  }

  const version = async (id: string) => (await app.query(`query($id: ID!) { user(id: $id) { version } }`, { id }, admin)).user.version;
  const updateUser = async (id: string, input: Record<string, unknown>) =>
    app.query(
      `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`,
      {
        id,
        input: { version: await version(id), ...input },
      },
      admin,
    );

  describe('API tokens', () => {
    it('expire: the default lifetime unless one is asked, never beyond the maximum, and stop at their expiry', async () => {
      const { email, password } = await account();
      const session = await signIn(email, password);
      const before = Date.now();
      const byDefault = await apiToken(session);
      const asked = await apiToken(session, 90);
      const expiry = (token: { expiresAt: string }) => new Date(token.expiresAt).getTime() - before;
      expect(expiry(byDefault)).toBeGreaterThanOrEqual(30 * DAY_MS);
      expect(expiry(byDefault)).toBeLessThan(31 * DAY_MS);
      expect(expiry(asked)).toBeGreaterThanOrEqual(90 * DAY_MS);
      expect(expiry(asked)).toBeLessThan(91 * DAY_MS);
      for (const days of [0, 91]) {
        const refused = await app.graphql(
          `mutation($days: Int) { createApiToken(name: "long", lifetimeDays: $days) { token } }`,
          { days },
          session,
        );
        expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { lifetimeDays: expect.any(Array) } });
      }
      expect(await whoAmI(byDefault.token)).not.toBeNull();
      await app.orm.em.fork().nativeUpdate(ApiToken, { tokenHash: hashToken(byDefault.token) }, { expiresAt: new Date(Date.now() - 1000) });
      expect((await app.graphql(`{ me { id } }`, {}, byDefault.token)).data!.me).toBeNull();
      expect((await app.graphql(`{ schools { totalCount } }`, {}, byDefault.token)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      const listed = await app.query(`{ apiTokens { id expiresAt } }`, {}, session);
      expect(listed.apiTokens.map((token: { id: string }) => token.id)).toEqual([asked.id, byDefault.id]);
    });

    it('cannot create API tokens: only a signed-in session can', async () => {
      const { email, password } = await account();
      const { token } = await apiToken(await signIn(email, password));
      const refused = await app.graphql(`mutation { createApiToken(name: "successor") { token } }`, {}, token);
      expect(refused.errors?.[0]).toMatchObject({ message: expect.stringMatching(/sign in/), extensions: { code: 'FORBIDDEN' } });
      expect((await app.query(`{ apiTokens { id } }`, {}, token)).apiTokens).toHaveLength(1);
    });

    it.each([
      ['a password reset', { password: 'a brand new password' }, 'password_reset'],
      ['a deactivation', { active: false }, 'deactivated'],
    ])('are revoked at %s, audited, and stay revoked after reactivation', async (_, change, reason) => {
      const { id, email, password } = await account();
      const session = await signIn(email, password);
      const tokens = [await apiToken(session), await apiToken(session)];
      await updateUser(id, change);
      await updateUser(id, { active: true });
      for (const { token } of tokens) {
        expect((await app.graphql(`{ schools { totalCount } }`, {}, token)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      }
      const revoked = await sql(`select id from api_token where user_id = ? and revoked_at is not null order by id`, [Number(id)]);
      expect(revoked.map((row) => String(row.id))).toEqual(tokens.map((token) => token.id));
      const events = await sql(
        `select entity_id, details from audit_event where action = 'token_revoked' and entity_id in (?, ?) order by entity_id`,
        tokens.map((token) => token.id),
      );
      expect(events).toEqual(tokens.map((token) => ({ entity_id: token.id, details: { reason } })));
    });
  });

  describe("an officer's account", () => {
    it('cannot sign in or act while its officer is INACTIVE, with a message saying so, and can again once it is active', async () => {
      const agency = await factory.agency();
      const officer = await factory.officer(agency);
      const chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
      const { email, password } = await account('OFFICER', officer.id);
      const session = await signIn(email, password);
      const { token } = await apiToken(session);
      const setStatus = async (status: string) => {
        const { officer: current } = await app.query(`query($id: ID!) { officer(id: $id) { version } }`, { id: String(officer.id) }, chief);
        await app.query(
          `mutation($id: ID!, $input: UpdateOfficerInput!) { updateOfficer(id: $id, input: $input) { id } }`,
          { id: String(officer.id), input: { version: current.version, status } },
          chief,
        );
      };

      await setStatus('INACTIVE');
      const refused = await app.graphql(LOGIN, { email, password });
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/officer record is inactive/),
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect(await whoAmI(session)).toBeNull();
      expect(await whoAmI(token)).toBeNull();
      const logged = await app.graphql(
        `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`,
        { input: { date: new Date().toISOString().slice(0, 10), category: 'MENTORING', durationMinutes: 30 } },
        session,
      );
      expect(logged.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      const [failure] = await sql(
        `select details from audit_event where action = 'login_failure' and actor_label = ? order by id desc limit 1`,
        [email],
      );
      expect(failure.details).toEqual({ reason: 'officer inactive' });

      await setStatus('ON_LEAVE');
      expect(await whoAmI(session)).not.toBeNull();
      expect(await signIn(email, password)).toMatch(/^srs_/);
    });

    it('takes its agency from its officer record: moving the officer moves the account, whoever moves it', async () => {
      const [from, to] = [await factory.agency(), await factory.agency()];
      const officer = await factory.officer(from);
      const { id, email, password } = await account('OFFICER', officer.id);
      const session = await signIn(email, password);
      const { officer: current } = await app.query(`query($id: ID!) { officer(id: $id) { version } }`, { id: String(officer.id) }, admin);
      await app.query(
        `mutation($id: ID!, $input: UpdateOfficerInput!) { updateOfficer(id: $id, input: $input) { id } }`,
        { id: String(officer.id), input: { version: current.version, agencyId: String(to.id) } },
        admin,
      );
      expect((await app.query(`query($id: ID!) { user(id: $id) { agency { id } } }`, { id }, admin)).user.agency.id).toBe(String(to.id));
      expect((await app.query(`{ me { agency { id } } }`, {}, session)).me.agency.id).toBe(String(to.id));
      // The database keeps it so whatever writes the account.
      await sql(`update app_user set agency_id = ? where id = ?`, [from.id, Number(id)]);
      expect((await sql(`select agency_id from app_user where id = ?`, [Number(id)]))[0].agency_id).toBe(to.id);
    });
  });

  describe('changePassword', () => {
    it("changes the password knowing the current one, ends the user's other sessions and keeps this one and the API tokens", async () => {
      const { id, email, password } = await account();
      const [current, other] = [await signIn(email, password), await signIn(email, password)];
      const { token } = await apiToken(current);
      expect(await app.query(CHANGE_PASSWORD, { current: password, next: 'a brand new password' }, current)).toEqual({
        changePassword: true,
      });
      expect(await whoAmI(current)).toEqual({ id });
      expect(await whoAmI(other)).toBeNull();
      expect(await whoAmI(token)).toEqual({ id });
      expect((await app.graphql(LOGIN, { email, password })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(await signIn(email, 'a brand new password')).toMatch(/^srs_/);
      const events = await sql(
        `select action, details from audit_event where entity_type = 'User' and entity_id = ? and action like 'password%'`,
        [id],
      );
      expect(events).toEqual([{ action: 'password_changed', details: { sessionsEnded: 1 } }]);
      expect(JSON.stringify(await sql(`select * from audit_event where entity_id = ?`, [id]))).not.toMatch(/brand new|horse|argon2/);
    });

    it('refuses a wrong current password, a short or unchanged new one, and an API token, changing nothing', async () => {
      const { email, password } = await account();
      const session = await signIn(email, password);
      const { token } = await apiToken(session);
      const wrong = await app.graphql(CHANGE_PASSWORD, { current: 'not the password', next: 'a brand new password' }, session);
      expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { currentPassword: expect.any(Array) } });
      for (const next of ['short', password]) {
        const refused = await app.graphql(CHANGE_PASSWORD, { current: password, next }, session);
        expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { newPassword: expect.any(Array) } });
      }
      const byToken = await app.graphql(CHANGE_PASSWORD, { current: password, next: 'a brand new password' }, token);
      expect(byToken.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(await whoAmI(session)).not.toBeNull();
      expect(await signIn(email, password)).toMatch(/^srs_/);
    });

    it('is throttled like a sign-in: after 5 wrong current passwords even the right one waits', async () => {
      const { email, password } = await account();
      const session = await signIn(email, password);
      const from = { 'x-forwarded-for': '203.0.113.77' };
      for (let attempt = 0; attempt < 5; attempt++) {
        const wrong = await app.graphql(
          CHANGE_PASSWORD,
          { current: `wrong password ${attempt}`, next: 'a brand new password' },
          session,
          from,
        );
        expect(wrong.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      }
      const limited = await app.graphql(CHANGE_PASSWORD, { current: password, next: 'a brand new password' }, session, from);
      expect(limited.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect((await app.graphql(LOGIN, { email, password }, undefined, from)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
    });
  });
});
