import os from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { hashPassword, passwordHashing, verifyPassword } from '../../server/src/modules/auth/passwords';

describe('password hashing', () => {
  it('leaves a core to the other requests: one hash fewer at once than cores (at least one); the others wait their turn and still get their answer', async () => {
    const atOnce = Math.max(1, os.availableParallelism() - 1);
    const hash = await hashPassword('correct horse battery staple');
    const checks = Array.from({ length: atOnce + 2 }, (_, index) =>
      verifyPassword(hash, index === 0 ? 'correct horse battery staple' : 'a wrong password'),
    );
    await setImmediate();
    expect(passwordHashing.activeCount).toBe(atOnce);
    expect(passwordHashing.pendingCount).toBe(2);
    expect(await Promise.all(checks)).toEqual([true, ...Array<boolean>(atOnce + 1).fill(false)]);
    expect(passwordHashing.activeCount + passwordHashing.pendingCount).toBe(0);
  });
});
