import { DeadlockException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { fromDatabaseError, isDatabaseUnavailable } from '../../server/src/common/database-errors';

const driverError = (message: string, code?: string) => new DriverException(Object.assign(new Error(message), { code }));

/** Which database failures are an outage (SERVICE_UNAVAILABLE), a race lost (CONFLICT), or neither (masked). */
describe('database errors', () => {
  it.each([
    ['the server terminated the connection', driverError('terminating connection due to administrator command', '57P01')],
    ['the server is shutting down', driverError('the database system is shutting down', '57P03')],
    ['a connection failure', driverError('connection failure', '08006')],
    ['too many connections', driverError('sorry, too many clients already', '53300')],
    ['a refused connection', driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection that ended', driverError('Connection terminated unexpectedly')],
    [
      'a pool that found no connection in time',
      Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' }),
    ],
  ])('treats %s as the database being unavailable', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(fromDatabaseError(error)?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(fromDatabaseError(error)?.message).not.toMatch(/ECONN|terminat|knex|5432/i);
  });

  it.each([
    ['a deadlock', '40P01', 'deadlock detected'],
    ['a serialization failure', '40001', 'could not serialize access due to concurrent update'],
  ])('answers %s with CONFLICT, to be tried again', (_label, code, message) => {
    const error = new DeadlockException(Object.assign(new Error(message), { code }));
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(fromDatabaseError(error)?.extensions).toEqual({ code: 'CONFLICT', reason: 'CONCURRENT_CHANGE' });
  });

  it.each([
    ['PostgreSQL 15', '23503', 'violates foreign key constraint'],
    ['PostgreSQL 17 (embedded)', '23001', 'violates RESTRICT setting of foreign key constraint'],
  ])('names the record deleted and what refers to it, in the words of %s', (_label, code, words) => {
    const message = `delete from "agency" where "id" in (7) - update or delete on table "agency" ${words} "officer_agency_id_foreign" on table "officer"`;
    const error = new DriverException(
      Object.assign(new Error(message), { code, table: 'officer', detail: 'Key is still referenced from table "officer".' }),
    );
    expect(fromDatabaseError(error)?.message).toBe('This agency is still referenced by officers: deactivate it instead of deleting it');
    expect(fromDatabaseError(error)?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REFERENCED' });
  });

  it('names the missing record a new row refers to', () => {
    const error = new DriverException(
      Object.assign(new Error('insert or update on table "activity" violates foreign key constraint "activity_officer_id_foreign"'), {
        code: '23503',
        table: 'activity',
        detail: 'Key (officer_id)=(99) is not present in table "officer".',
      }),
    );
    expect(fromDatabaseError(error)?.message).toBe('This activity refers to an officer that does not exist');
  });

  it('leaves other errors alone: rule violations keep their mapping, bugs stay unknown (and are masked)', () => {
    const duplicate = new UniqueConstraintViolationException(
      Object.assign(new Error('duplicate key value violates unique constraint "agency_name_unique"'), {
        code: '23505',
        constraint: 'agency_name_unique',
      }),
    );
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(fromDatabaseError(duplicate)?.extensions.code).toBe('CONFLICT');
    expect(isDatabaseUnavailable(driverError('column "nope" does not exist', '42703'))).toBe(false);
    expect(fromDatabaseError(driverError('column "nope" does not exist', '42703'))).toBeUndefined();
    expect(fromDatabaseError(new Error('boom'))).toBeUndefined();
  });
});
