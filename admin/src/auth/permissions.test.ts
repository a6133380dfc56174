import { canAccess, editableUntil, editWindowError, type Permissions } from './permissions';

const admin: Permissions = { role: 'ADMIN', agencyId: null, officerId: null };
const chief: Permissions = { role: 'AGENCY_CHIEF', agencyId: '1', officerId: null };
const analyst: Permissions = { role: 'ANALYST', agencyId: null, officerId: null };
const officer: Permissions = { role: 'OFFICER', agencyId: '1', officerId: '8' };

describe('canAccess: the console offers only what the server allows', () => {
  it('lets an ADMIN do everything', () => {
    for (const resource of ['users', 'auditEvents', 'assignments', 'coverage']) expect(canAccess(admin, resource, 'delete')).toBe(true);
  });

  it('lets a chief edit its own agency officers only, and read the rest', () => {
    expect(canAccess(chief, 'officers', 'edit', { agencyId: '1' })).toBe(true);
    expect(canAccess(chief, 'officers', 'edit', { agencyId: '2' })).toBe(false);
    expect(canAccess(chief, 'officers', 'edit', { agency: { id: '2' } })).toBe(false);
    expect(canAccess(chief, 'officers', 'delete', { agencyId: '1' })).toBe(false);
    expect(canAccess(chief, 'assignments', 'list')).toBe(true);
    expect(canAccess(chief, 'assignments', 'create')).toBe(false);
    expect(canAccess(chief, 'schools', 'edit')).toBe(false);
    expect(canAccess(chief, 'activities', 'create')).toBe(true);
    expect(canAccess(chief, 'users', 'list')).toBe(false);
  });

  it('keeps an analyst read-only, without users and audit, but with its API tokens', () => {
    expect(canAccess(analyst, 'officers', 'list')).toBe(true);
    expect(canAccess(analyst, 'activities', 'export')).toBe(true);
    expect(canAccess(analyst, 'officers', 'edit')).toBe(false);
    expect(canAccess(analyst, 'activities', 'create')).toBe(false);
    expect(canAccess(analyst, 'auditEvents', 'list')).toBe(false);
    expect(canAccess(analyst, 'apiTokens', 'create')).toBe(true);
    expect(canAccess(analyst, 'reports', 'list')).toBe(true);
  });

  it('shows an officer its assignments, schools and activities, within the edit window', () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(canAccess(officer, 'assignments', 'list')).toBe(true);
    expect(canAccess(officer, 'assignments', 'create')).toBe(false);
    expect(canAccess(officer, 'officers', 'list')).toBe(false);
    expect(canAccess(officer, 'activities', 'create')).toBe(true);
    expect(canAccess(officer, 'activities', 'edit', { date: today })).toBe(true);
    expect(canAccess(officer, 'activities', 'edit', { date: '2020-01-01' })).toBe(false);
    expect(canAccess(officer, 'coverage', 'list')).toBe(false);
    expect(canAccess(officer, 'reports', 'list')).toBe(true);
  });

  it("lets a chief change its own officers' activities only", () => {
    expect(canAccess(chief, 'activities', 'delete', { officer: { agency: { id: '1' } } })).toBe(true);
    expect(canAccess(chief, 'activities', 'delete', { officer: { agency: { id: '2' } } })).toBe(false);
    expect(canAccess(chief, 'activities', 'edit', { officer: { agency: { id: '2' } } })).toBe(false);
    expect(canAccess(chief, 'activities', 'show', { officer: { agency: { id: '2' } } })).toBe(true);
  });

  it("states the officer's 14-day window in the server's words, with the date", () => {
    expect(editableUntil('2026-09-20')).toBe('2026-10-04');
    expect(editWindowError('2026-09-20', '2026-10-04')).toBeUndefined();
    expect(editWindowError('2026-09-20', '2026-10-05')).toBe(
      'Activities can be logged or changed up to 14 days after they happened: this one was on Sun, Sep 20, 2026',
    );
  });

  it('offers nothing before sign-in', () => {
    expect(canAccess(null, 'schools', 'list')).toBe(false);
  });
});
