import fs from 'node:fs';
import path from 'node:path';
import { serverAudits, type AuditResult } from 'graphql-http';
import { TestApp } from '../support/app';

/**
 * The GraphQL over HTTP specification's audits (graphql-http) against the real server: no MUST may fail, and
 * every SHOULD that warns is one docs/security.md lists with its reason, in "GraphQL over HTTP".
 */
describe('GraphQL over HTTP audit', () => {
  let app: TestApp;
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/security.md'), 'utf8');

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.stop());

  async function audit(fetchFn: typeof fetch): Promise<AuditResult[]> {
    const results: AuditResult[] = [];
    for (const { fn } of serverAudits({ url: `${app.url}/graphql`, fetchFn })) results.push(await fn());
    return results;
  }
  const failing = (results: AuditResult[], status: AuditResult['status']) =>
    results.filter((result) => result.status === status).map(({ id, name }) => `${id} ${name}`);

  it('passes every MUST, and warns only on the SHOULDs docs/security.md explains', async () => {
    const results = await audit(fetch);
    expect(failing(results, 'error')).toEqual([]);
    const warnings = failing(results, 'warn');
    expect(warnings).toEqual([
      '572B SHOULD use 200 status code on document parsing failure when accepting application/json',
      'FDE2 SHOULD use 200 status code on document validation failure when accepting application/json',
      '7B9B SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
    ]);
    for (const warning of warnings) expect(doc).toContain(`\`${warning.slice(0, 4)}\``);
    // GET is refused without a preflight header (CSRF prevention): the MAYs about GET are notices, also explained.
    expect(failing(results, 'notice').map((notice) => notice.slice(0, 4))).toEqual(['5A70', 'D6D5', '6A70']);
    for (const id of ['5A70', 'D6D5', '6A70']) expect(doc).toContain(`\`${id}\``);
  });

  it('serves GET to a client that sends a preflight header, as scripts and GraphiQL may', async () => {
    const withPreflightHeader: typeof fetch = (input, init = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), 'apollo-require-preflight': 'true' } });
    const results = await audit(withPreflightHeader);
    expect(failing(results, 'error')).toEqual([]);
    expect(failing(results, 'notice')).toEqual([]);
  });
});
