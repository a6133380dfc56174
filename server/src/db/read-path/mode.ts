/**
 * Which read path serves reads (READ_PATH): `fast`, the SQL, text rows and compiled queries of this folder, or
 * `orm`, plain MikroORM (`em.find`, `em.findAndCount`) and graphql-js. Both give the same answers; `orm` is the
 * reference the suite runs against once in CI, and the way out should a piece of the fast path misbehave.
 */
export type ReadPathMode = 'fast' | 'orm';

export const READ_PATH_MODES: readonly ReadPathMode[] = ['fast', 'orm'];

let current: ReadPathMode = 'fast';

/** Set once at start (app.ts), from the configuration. */
export function useReadPath(mode: ReadPathMode): void {
  current = mode;
}

export const readPathMode = (): ReadPathMode => current;
