import { isAdmin, type Policy } from '../../common/policy';
import type { SchoolClosure } from './school-closure.entity';
import type { SchoolYear } from './school-year.entity';

/** The calendar is public within the program: every signed-in role reads it; ADMIN writes it. */
export const schoolYearPolicy: Policy<SchoolYear> = {
  readable: () => ({}),
  canCreate: isAdmin,
  canUpdate: isAdmin,
  canDelete: isAdmin,
};

/** Closures, like school years: every signed-in role reads them (an officer too, for the schools it cannot list). */
export const schoolClosurePolicy: Policy<SchoolClosure> = {
  readable: () => ({}),
  canCreate: isAdmin,
  canUpdate: isAdmin,
  canDelete: isAdmin,
};
