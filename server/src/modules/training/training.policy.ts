import { Role } from '../../common/actor';
import { actorSetting, ALL_ROWS, definePolicy, type RoleRules, type WriteScope } from '../../common/policy';
import type { TrainingCourse } from './training-course.entity';
import type { TrainingRecord } from './training-record.entity';
import type { TrainingRequirement } from './training-requirement.entity';

const readsAll = { read: ALL_ROWS, create: null, update: null, delete: null, fields: {} };

/** The catalogue and the requirements are public within the program: every role reads them; ADMIN keeps them. */
const districtRoles = <T>(): Record<Role, RoleRules<T, never>> => ({
  [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} },
  [Role.ANALYST]: readsAll,
  [Role.AGENCY_CHIEF]: readsAll,
  [Role.OFFICER]: readsAll,
});

export const trainingCoursePolicy = definePolicy<TrainingCourse>({ table: 'training_course', facts: () => ({}), roles: districtRoles() });

export const trainingRequirementPolicy = definePolicy<TrainingRequirement>({
  table: 'training_requirement',
  facts: () => ({}),
  roles: districtRoles(),
});

/** The certificate number is the officer's agency's business: analysts never read it. */
export type TrainingRecordHiddenField = 'certificateNumber';

const chiefsOfficers = `(select officer.id from officer where officer.agency_id = ${actorSetting('agency_id')})`;

const chiefsOwn: WriteScope = {
  holds: (actor, record) => record.agencyId != null && record.agencyId === actor.agencyId,
  sql: `officer_id in ${chiefsOfficers}`,
};

/**
 * Training records: ADMIN reads and writes all; an analyst reads all without certificate numbers (for the
 * compliance report); a chief reads and writes its own officers' records; an officer reads its own.
 */
export const trainingRecordPolicy = definePolicy<TrainingRecord, TrainingRecordHiddenField>({
  table: 'training_record',
  facts: (record) => ({ agencyId: record.officer?.unwrap().agency?.id ?? null, officerId: record.officer?.id }),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: { certificateNumber: true } },
    [Role.ANALYST]: { read: ALL_ROWS, create: null, update: null, delete: null, fields: { certificateNumber: false } },
    [Role.AGENCY_CHIEF]: {
      read: {
        where: (actor) => ({ officer: { agency: actor.agencyId ?? 0 } }),
        holds: (actor, record) => record.agencyId != null && record.agencyId === actor.agencyId,
        sql: `officer_id in ${chiefsOfficers}`,
      },
      create: chiefsOwn,
      update: chiefsOwn,
      delete: chiefsOwn,
      // A chief reads only its own officers' records: the number of every record it reads.
      fields: { certificateNumber: true },
    },
    [Role.OFFICER]: {
      read: {
        where: (actor) => ({ officer: actor.officerId ?? 0 }),
        holds: (actor, record) => record.officerId === actor.officerId,
        sql: `officer_id = ${actorSetting('officer_id')}`,
      },
      create: null,
      update: null,
      delete: null,
      fields: { certificateNumber: true },
    },
  },
});
