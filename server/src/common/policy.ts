import type { FilterQuery } from '@mikro-orm/core';
import type { Actor } from './actor';
import { Role } from './actor';
import { forbidden, unauthenticated } from './errors';
import { readable, whereReadable, type Visibility } from './hidden-fields';

/** What a write rule knows of one row: whose it is and, for rules with a time window, its date. */
export interface RowFacts {
  agencyId?: number | null;
  officerId?: number | null;
  date?: string;
}

/**
 * Rows a role reads, said twice side by side: the filter every API query adds, and the predicate that PostgreSQL's
 * row security holds for the role's database role (test/integration/policy-row-security.test.ts compares it with
 * `pg_policies`).
 */
export interface ReadScope<T> {
  where(actor: Actor): FilterQuery<T>;
  sql: string;
  /** The same rows on one row's facts, where its facts tell (the console's rules are checked against it). */
  holds?(actor: Actor, row: RowFacts): boolean;
}

/** Rows a role writes: a check on one row's facts, and the same rows as the row-security predicate. */
export interface WriteScope {
  holds(actor: Actor, row: RowFacts): boolean;
  sql: string;
}

/** Every row, in the API and in row security. */
export const ALL_ROWS: ReadScope<never> & WriteScope = { where: () => ({}), sql: 'true', holds: () => true };

/** The actor's setting as row security reads it, once per statement (migration role_per_actor). */
export const actorSetting = (setting: 'agency_id' | 'officer_id' | 'user_id') => `(select sro_setting_id('sro.${setting}'))`;

/**
 * Where a role reads a hidden field: on every row (`true`), on none (`false`), or on the rows whose own `column`
 * equals the actor's `agencyId` or `officerId`. Elsewhere the row behaves as if the field were null: its
 * resolver answers null, a filter on it never matches, a sort by it puts the row last.
 */
export type FieldRule = boolean | { column: string; equals: 'agencyId' | 'officerId' };

/** The operations of row security and the scope each reads (an update is checked before and after). */
export type RowSecurityCommand = 'select' | 'insert' | 'update' | 'delete';

/** One role's rules on one kind of record. `null` scopes: none at all (the role is refused outright). */
export interface RoleRules<T, H extends string> {
  read: ReadScope<T> | null;
  create: WriteScope | null;
  update: WriteScope | null;
  delete: WriteScope | null;
  /** A write inside the scope still refused (the edit window), with the reason; undefined when allowed. */
  refuse?(row: RowFacts, today: string): string | undefined;
  /** Where it reads each hidden field; filters and sorts on the field follow the same rule. */
  fields: Record<H, FieldRule>;
  /**
   * Row-security predicates that differ from the scopes above, each with its reason in a comment: where the
   * database lets a role do more than the API's lists offer (an account reads itself through `me`).
   */
  rowSecurity?: Partial<Record<RowSecurityCommand, string>>;
}

export interface PolicyDefinition<T, H extends string> {
  /** The table whose row-security policies must match the scopes. */
  table: string;
  /** What a write rule knows of a row of this kind. */
  facts(row: T): RowFacts;
  roles: Record<Role, RoleRules<T, H>>;
}

/**
 * One feature's authorization table, and the questions every reader of it asks: lists, edges, field resolvers,
 * filters, sorts, totals, exports and writes (docs/security.md). Built with `definePolicy` in `<feature>.policy.ts`.
 */
export class Policy<T, H extends string = never> {
  /** Roles that read some rows; the others are FORBIDDEN. */
  readonly readers: Role[];
  /** Roles that write some rows; the others are FORBIDDEN. */
  readonly writers: Role[];

  constructor(readonly definition: PolicyDefinition<T, H>) {
    const roles = Object.values(Role);
    this.readers = roles.filter((role) => definition.roles[role].read !== null);
    this.writers = roles.filter((role) => {
      const rules = definition.roles[role];
      return rules.create !== null || rules.update !== null || rules.delete !== null;
    });
  }

  get table(): string {
    return this.definition.table;
  }

  rules(role: Role): RoleRules<T, H> {
    return this.definition.roles[role];
  }

  /** The rows the actor may read, as a filter; `false` when it may read none. */
  readable(actor: Actor): FilterQuery<T> | false {
    const scope = this.rules(actor.role).read;
    return scope ? scope.where(actor) : false;
  }

  canCreate(actor: Actor, row: T, today: string): boolean {
    return this.allows(actor, 'create', row, today);
  }

  canUpdate(actor: Actor, row: T, today: string): boolean {
    return this.allows(actor, 'update', row, today);
  }

  canDelete(actor: Actor, row: T, today: string): boolean {
    return this.allows(actor, 'delete', row, today);
  }

  /** Whether the role may `action` a row of these facts (the console's rules are checked against this). */
  allowsFacts(actor: Actor, action: 'create' | 'update' | 'delete', facts: RowFacts, today: string): boolean {
    const rules = this.rules(actor.role);
    const scope = rules[action];
    return scope !== null && scope.holds(actor, facts) && rules.refuse?.(facts, today) === undefined;
  }

  /** Why a write to a row inside the actor's scope is refused, when there is more to say than "not allowed". */
  refusal(actor: Actor, row: T, today: string): string | undefined {
    const rules = this.rules(actor.role);
    const facts = this.definition.facts(row);
    // Only for a row the actor writes otherwise: of another's row there is nothing more to say.
    const inScope = [rules.create, rules.update, rules.delete].some((scope) => scope?.holds(actor, facts));
    return inScope ? rules.refuse?.(facts, today) : undefined;
  }

  /** Where the actor reads a hidden field. */
  visibility(actor: Actor, field: H): Visibility {
    const rule = this.rules(actor.role).fields[field];
    if (typeof rule === 'boolean') return rule;
    return { column: rule.column, value: actor[rule.equals] ?? 0 };
  }

  /** The fields some role does not read on every row (each role's table names them all). */
  get hiddenFields(): H[] {
    return Object.keys(this.rules(Role.ADMIN).fields) as H[];
  }

  /** Whether `field` is one of this kind's hidden fields. */
  isHidden(field: string): field is H {
    return field in this.rules(Role.ADMIN).fields;
  }

  /** The value of a hidden field for this actor: null where the actor may not read it. */
  shown<F extends H & keyof T>(actor: Actor, row: T, field: F): T[F] | null {
    return readable(this.visibility(actor, field), row as object) ? row[field] : null;
  }

  /** A filter on a hidden field: it matches only rows on which the actor reads the field. */
  filterOn(actor: Actor, field: H, condition: FilterQuery<T>): FilterQuery<T> {
    return whereReadable(this.visibility(actor, field), condition);
  }

  private allows(actor: Actor, action: 'create' | 'update' | 'delete', row: T, today: string): boolean {
    return this.allowsFacts(actor, action, this.definition.facts(row), today);
  }
}

/** What the drift tests read of any feature's table, whatever its record type. */
export interface PolicyTable {
  readonly table: string;
  rules(role: Role): {
    read: { sql: string; holds?: ReadScope<never>['holds'] } | null;
    create: WriteScope | null;
    update: WriteScope | null;
    delete: WriteScope | null;
    rowSecurity?: Partial<Record<RowSecurityCommand, string>>;
  };
  allowsFacts(actor: Actor, action: 'create' | 'update' | 'delete', facts: RowFacts, today: string): boolean;
}

export const definePolicy = <T, H extends string = never>(definition: PolicyDefinition<T, H>) => new Policy<T, H>(definition);

/** The scopes that say "none": a role that neither reads nor writes. */
export const NOTHING = { read: null, create: null, update: null, delete: null } as const;

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export function requireRole(actor: Actor | null, ...roles: Role[]): Actor {
  const signedIn = requireActor(actor);
  if (!roles.includes(signedIn.role)) throw forbidden();
  return signedIn;
}

/** Combines a module filter with the policy's readable rows; `false` means "no rows at all". */
export function scoped<T>(policy: Policy<T, string>, actor: Actor, where: FilterQuery<T>): FilterQuery<T> | false {
  const readable = policy.readable(actor);
  if (readable === false) return false;
  return { $and: [readable, where] } as FilterQuery<T>;
}
