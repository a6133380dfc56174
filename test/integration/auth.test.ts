import { Role } from '../../server/src/common/actor';
import { Activity } from '../../server/src/modules/activity/activity.entity';
import { activityPolicy } from '../../server/src/modules/activity/activity.policy';
import { Session } from '../../server/src/modules/auth/session.entity';
import { hashToken } from '../../server/src/modules/auth/tokens';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { id role email } } }`;

/** Sign-in, sessions, API tokens, throttling, user management and the audit trail of all of it. */
describe('accounts and sessions', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;

  beforeAll(async () => {
    app = await TestApp.start({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' });
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
  });
  afterAll(() => app.stop());

  async function createUser(role = 'ANALYST', password = 'correct horse battery') {
    const email = `${unique('person').replace(/\W/g, '')}@Example.org`;
    const created = await app.query(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role } }`,
      { input: { email, displayName: 'Person', role, password } },
      admin,
    );
    return { id: created.createUser.id as string, email, password };
  }

  it('signs in with the e-mail in any case, returns a 256-bit token and sets an httpOnly SameSite cookie', async () => {
    const { email, password } = await createUser();
    const response = await app.graphql(LOGIN, { email: email.toUpperCase(), password });
    const token: string = response.data!.login.token;
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    expect(response.data!.login.user.role).toBe('ANALYST');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sro_session=srs_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0] },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(((await me.json()) as { data: { me: { email: string } } }).data.me.email).toBe(email);
    // Only the hash is stored.
    const stored = await app.orm.em.fork().findOne(Session, { tokenHash: hashToken(token) });
    expect(stored).not.toBeNull();
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const { email } = await createUser();
    const wrong = await app.graphql(LOGIN, { email, password: 'not the password' });
    const unknown = await app.graphql(LOGIN, { email: `nobody-${Date.now()}@example.org`, password: 'not the password' });
    expect(wrong.errors).toEqual(unknown.errors);
    expect(wrong.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  /** A sign-in from `address`, as a proxy on loopback (trusted by default, TRUST_PROXY) reports it. */
  async function loginFrom(address: string, email: string, password: string) {
    const response = await app.graphql(LOGIN, { email, password }, undefined, { 'x-forwarded-for': address });
    return { token: response.data?.login?.token as string | undefined, error: response.errors?.[0] };
  }
  const sql = (query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params);
  const failuresAudited = async (email: string) =>
    (await sql(`select count(*)::int as count from audit_event where action = 'login_failure' and actor_label = ?`, [email]))[0].count;
  // Waiting out a delay without waiting: the account's delay ends now.
  const endDelay = (email: string) =>
    sql(`update login_throttle set locked_until = now() where key = ?`, [`account:${email.toLowerCase()}`]);

  it('tries no password when one operation holds several sign-ins or password changes, aliased or in fragments', async () => {
    const { email, password } = await createUser();
    const aliased = Array.from(
      { length: 5 },
      (_, index) => `a${index}: login(email: $email, password: "wrong password ${index}") { token }`,
    );
    const fragment = `mutation($email: String!) { ...check a: login(email: $email, password: "another guess") { token } }
      fragment check on Mutation { login(email: $email, password: "a guess") { token } }`;
    for (const query of [`mutation($email: String!) { ${aliased.join('\n')} }`, fragment]) {
      const burst = await app.graphql(query, { email });
      expect(burst.errors!.map((error) => error.extensions.code)).toEqual(Array(burst.errors!.length).fill('BAD_REQUEST'));
      expect(burst.errors!.length).toBeGreaterThan(1);
    }
    expect(await failuresAudited(email)).toBe(0);
    expect(await sql(`select key from login_throttle where key like ?`, [`%${email.toLowerCase()}%`])).toEqual([]);
    expect((await app.query(LOGIN, { email, password })).login.token).toMatch(/^srs_/);
  });

  it('refuses an account from one address after 5 failures until the window ends; the owner elsewhere is only delayed', async () => {
    const { email, password } = await createUser();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await loginFrom('203.0.113.10', email, `wrong password ${attempt}`)).error?.extensions.code).toBe('UNAUTHENTICATED');
    }
    const locked = await loginFrom('203.0.113.10', email, password);
    expect(locked.error?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(locked.error?.extensions.retryAfterSeconds).toBeGreaterThan(10 * 60);
    // Five failures from anywhere slow the account down for a second, no more.
    const delayed = await loginFrom('198.51.100.20', email, password);
    expect(delayed.error?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(delayed.error?.extensions.retryAfterSeconds).toBeLessThanOrEqual(1);
    await endDelay(email);
    expect((await loginFrom('198.51.100.20', email, password)).token).toMatch(/^srs_/);
    // The attacker's address stays refused for that account; the refusals were not verified.
    expect((await loginFrom('203.0.113.10', email, password)).error?.extensions.code).toBe('RATE_LIMITED');
    expect(await failuresAudited(email)).toBe(5);
  });

  it('slows guesses at an account from many addresses by a delay that doubles up to a minute', async () => {
    const { email, password } = await createUser();
    const guess = async (attempt: number) =>
      expect((await loginFrom(`192.0.2.${attempt}`, email, `wrong password ${attempt}`)).error?.extensions.code).toBe('UNAUTHENTICATED');
    for (let attempt = 1; attempt <= 4; attempt++) await guess(attempt);
    // From the fifth failure on, even the right password from a fresh address waits: 1, 2, 4... seconds, at most 60.
    const waits: number[] = [];
    for (let attempt = 5; attempt <= 12; attempt++) {
      await endDelay(email);
      await guess(attempt);
      const next = await loginFrom(`198.51.100.${attempt}`, email, password);
      expect(next.error?.extensions.code).toBe('RATE_LIMITED');
      waits.push(next.error!.extensions.retryAfterSeconds);
    }
    const most = [1, 2, 4, 8, 16, 32, 60, 60];
    // The answer rounds up what is left of the delay, so each is at most its step (and, the moment after, most of it).
    expect(waits.every((wait, index) => wait <= most[index] && wait >= most[index] / 2)).toBe(true);
    await endDelay(email);
    expect((await loginFrom('192.0.2.250', email, password)).token).toMatch(/^srs_/);
  });

  it('ends a session at logout, after the idle time and at the absolute expiry', async () => {
    const { email, password } = await createUser();
    const signIn = async () => (await app.query(LOGIN, { email, password })).login.token as string;
    const whoAmI = async (token: string) => (await app.query(`{ me { email } }`, {}, token)).me;

    const loggedOut = await signIn();
    expect(await app.query(`mutation { logout }`, {}, loggedOut)).toEqual({ logout: true });
    expect(await whoAmI(loggedOut)).toBeNull();

    const idle = await signIn();
    await app.orm.em.fork().nativeUpdate(Session, { tokenHash: hashToken(idle) }, { lastUsedAt: new Date(Date.now() - 31 * 60_000) });
    expect(await whoAmI(idle)).toBeNull();

    const expired = await signIn();
    await app.orm.em.fork().nativeUpdate(Session, { tokenHash: hashToken(expired) }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await whoAmI(expired)).toBeNull();
    const current = await signIn();
    expect((await whoAmI(current)).email).toBe(email);
  });

  it("records a session's last use at most once a minute, and that request still runs under the actor's row security", async () => {
    const agency = await factory.agency();
    const officer = await factory.officer(agency);
    const colleague = await factory.officer(agency);
    await factory.activity(officer, null);
    await factory.activity(officer, null);
    await factory.activity(colleague, null);
    const { token } = await factory.user(Role.OFFICER, { officer });
    const lastUsed = async () => (await app.orm.em.fork().findOneOrFail(Session, { tokenHash: hashToken(token) })).lastUsedAt!.getTime();
    const ownActivities = async () => (await app.query(`{ activities { totalCount } }`, {}, token)).activities.totalCount;

    // Row security alone keeps the colleague's activity out: the module's policy lets everything through here.
    jest.spyOn(activityPolicy, 'readable').mockReturnValue({});
    const longAgo = Date.now() - 5 * 60_000;
    await app.orm.em.fork().nativeUpdate(Session, { tokenHash: hashToken(token) }, { lastUsedAt: new Date(longAgo) });
    app.resetStatements();
    expect(await ownActivities()).toBe(2);
    const touched = await lastUsed();
    expect(touched).toBeGreaterThan(longAgo);
    const withTouch = app.statements.length;

    app.resetStatements();
    expect(await ownActivities()).toBe(2);
    expect(await lastUsed()).toBe(touched);
    // Not written again within the minute: the write and leaving and re-entering row security around it.
    expect(app.statements.length).toBe(withTouch - 3);
    jest.restoreAllMocks();
  });

  it("puts a signed-in caller back under its row security after a failed sign-in, for the operation's next fields", async () => {
    const agency = await factory.agency();
    const [officer, colleague] = [await factory.officer(agency), await factory.officer(agency)];
    const theirs = await factory.activity(colleague, null, { date: new Date().toISOString().slice(0, 10) });
    const { token } = await factory.user(Role.OFFICER, { officer });
    // Row security alone keeps the colleague's activity out: the module's policy lets everything through here.
    jest.spyOn(activityPolicy, 'readable').mockReturnValue({});
    jest.spyOn(activityPolicy, 'canDelete').mockReturnValue(true);
    const answer = await app.graphql(
      `mutation($id: ID!) { login(email: "nobody@example.org", password: "wrong password") { token } deleteActivity(id: $id) { id } }`,
      { id: String(theirs.id) },
      token,
    );
    jest.restoreAllMocks();
    expect(answer.errors?.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED', 'NOT_FOUND']);
    expect(await app.orm.em.fork().count(Activity, { id: theirs.id })).toBe(1);
  });

  it('issues API tokens shown once, keeps their last use, and stops them when revoked', async () => {
    const { token: analyst } = await factory.user(Role.ANALYST);
    const created = await app.query(
      `mutation { createApiToken(name: "Power BI refresh") { token apiToken { id name prefix lastUsedAt } } }`,
      {},
      analyst,
    );
    const apiToken: string = created.createApiToken.token;
    expect(apiToken).toMatch(/^sra_/);
    expect((await app.query(`{ schools(perPage: 1) { totalCount } }`, {}, apiToken)).schools.totalCount).toBeGreaterThanOrEqual(0);
    const listed = await app.query(`{ apiTokens { id name lastUsedAt } }`, {}, analyst);
    expect(listed.apiTokens[0]).toMatchObject({ name: 'Power BI refresh', lastUsedAt: expect.any(String) });
    expect(JSON.stringify(listed)).not.toContain(apiToken);
    await app.query(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: created.createApiToken.apiToken.id }, analyst);
    const after = await app.graphql(`{ schools { totalCount } }`, {}, apiToken);
    expect(after.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it("resets a password, ending the user's sessions, and deactivates users", async () => {
    const { id, email, password } = await createUser();
    const session = (await app.query(LOGIN, { email, password })).login.token;
    const user = await app.query(`query($id: ID!) { user(id: $id) { version } }`, { id }, admin);
    await app.query(
      `mutation($id: ID!, $version: Int!) { updateUser(id: $id, input: { version: $version, password: "a brand new password" }) { id } }`,
      { id, version: user.user.version },
      admin,
    );
    expect((await app.query(`{ me { id } }`, {}, session)).me).toBeNull();
    expect((await app.graphql(LOGIN, { email, password })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const fresh = (await app.query(LOGIN, { email, password: 'a brand new password' })).login.token;
    await app.query(`mutation($id: ID!) { updateUsers(ids: [$id], input: { active: false }) { active } }`, { id }, admin);
    expect((await app.query(`{ me { id } }`, {}, fresh)).me).toBeNull();
    expect((await app.graphql(LOGIN, { email, password: 'a brand new password' })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the last active administrator', async () => {
    const admins = await app.query(`{ users(filter: { role: ADMIN, active: true }, perPage: 500) { items { id version } } }`, {}, admin);
    // The caller last: the list sorts by e-mail, which starts with the test process's id, so an earlier run's
    // administrators may sort after it.
    const me = (await app.query(`{ me { id } }`, {}, admin)).me.id;
    const others = [
      ...admins.users.items.filter((user: { id: string }) => user.id !== me),
      ...admins.users.items.filter((user: { id: string }) => user.id === me),
    ];
    // Demote every admin but one: the last one must refuse.
    const results = [];
    for (const other of others) {
      results.push(
        await app.graphql(
          `mutation($id: ID!, $version: Int!) { updateUser(id: $id, input: { version: $version, role: ANALYST }) { id } }`,
          { id: other.id, version: other.version },
          admin,
        ),
      );
    }
    const refused = results.filter((result) => result.errors);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
    // Give the database its administrators back for the other tests.
    await app.orm.em
      .fork()
      .getConnection()
      .execute(`update app_user set role = 'ADMIN' where id in (${others.map((other: { id: string }) => Number(other.id)).join(',')})`);
  });

  it("checks a user's links: a chief needs an agency, an officer an officer record", async () => {
    const chief = await app.graphql(
      `mutation { createUser(input: { email: "c${Date.now()}@example.org", displayName: "C", role: AGENCY_CHIEF, password: "long enough password" }) { id } }`,
      {},
      admin,
    );
    expect(chief.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { agencyId: expect.any(Array) } });
    const short = await app.graphql(
      `mutation { createUser(input: { email: "s${Date.now()}@example.org", displayName: "S", role: ANALYST, password: "short" }) { id } }`,
      {},
      admin,
    );
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { password: expect.any(Array) } });
  });

  it('audits sign-ins, failures, changes and tokens, with before/after values and never a secret', async () => {
    const { id, email, password } = await createUser();
    await app.graphql(LOGIN, { email, password: 'wrong password here' });
    await app.query(LOGIN, { email, password });
    const events = await app.query(
      `query($id: ID!) { auditEvents(filter: { entityType: "User", entityId: $id }, sort: { field: CREATED_AT, order: ASC }, perPage: 50) { items { action changes details actorLabel clientAddress } } }`,
      { id },
      admin,
    );
    expect(events.auditEvents.items.map((event: { action: string }) => event.action)).toEqual(['create', 'login_failure', 'login']);
    const text = JSON.stringify(events);
    expect(text).not.toContain(password);
    expect(text).not.toContain('wrong password here');
    expect(text).not.toMatch(/argon2|passwordHash/);
    expect(events.auditEvents.items[0].changes.email).toEqual({ before: null, after: email });
  });
});
