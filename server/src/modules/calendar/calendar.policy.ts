import { Role } from '../../common/actor';
import { ALL_ROWS, definePolicy, type RoleRules } from '../../common/policy';
import type { SchoolClosure } from './school-closure.entity';
import type { SchoolYear } from './school-year.entity';

const writesAll = { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} };
const readsAll = { read: ALL_ROWS, create: null, update: null, delete: null, fields: {} };

/** The calendar is public within the program: every signed-in role reads it (an officer too); ADMIN writes it. */
const calendarRoles = <T>(): Record<Role, RoleRules<T, never>> => ({
  [Role.ADMIN]: writesAll,
  [Role.ANALYST]: readsAll,
  [Role.AGENCY_CHIEF]: readsAll,
  [Role.OFFICER]: readsAll,
});

export const schoolYearPolicy = definePolicy<SchoolYear>({ table: 'school_year', facts: () => ({}), roles: calendarRoles() });

export const schoolClosurePolicy = definePolicy<SchoolClosure>({ table: 'school_closure', facts: () => ({}), roles: calendarRoles() });
