import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Officer } from '../officer/officer.entity';

export enum AbsenceReason {
  LEAVE = 'LEAVE',
  TRAINING = 'TRAINING',
  COURT = 'COURT',
  SICK = 'SICK',
  LIGHT_DUTY = 'LIGHT_DUTY',
  OTHER = 'OTHER',
}

registerEnumType(AbsenceReason, {
  name: 'AbsenceReason',
  description: 'Why an officer is away from its schools.',
  valuesConfig: {
    LEAVE: { description: 'Vacation, parental or other leave.' },
    TRAINING: { description: 'Training away from the schools.' },
    COURT: { description: 'Court appearance.' },
    SICK: { description: 'Sick leave.' },
    LIGHT_DUTY: { description: 'Light duty away from the schools.' },
    OTHER: { description: 'Any other reason.' },
  },
});

/**
 * An officer away from its schools for some days: it covers nothing on them, and its substitute, when named,
 * covers its schools with the same roles. The rules (end >= start, no two overlapping absences of one officer, a
 * substitute that is another ACTIVE officer, present, and within 1.00 FTE on every day) hold in PostgreSQL: see
 * the migration officer_absence.
 */
@ObjectType({ description: 'An officer away from its schools for some days, with an optional substitute.', simpleResolvers: true })
@Entity()
@Check({ name: 'officer_absence_end_after_start', expression: 'end_date is null or end_date >= start_date' })
@Check({ name: 'officer_absence_substitute_not_self', expression: 'substitute_id is null or substitute_id <> officer_id' })
@Index({ name: 'officer_absence_dates_index', properties: ['startDate', 'endDate'] })
// Declared here by name only, so that schema diffs keep it; migration officer_absence creates it.
@Index({ name: 'officer_absence_no_overlap', expression: 'select 1 -- exclusion constraint: see migration officer_absence' })
export class OfficerAbsence extends BaseEntity {
  @ManyToOne(() => Officer, { ref: true, deleteRule: 'restrict', index: 'officer_absence_officer_index' })
  officer!: Ref<Officer>;

  @Field(() => DateScalar, { description: 'First day away.' })
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day away (inclusive); null while the return date is not known.' })
  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  @Field(() => AbsenceReason, { description: 'Why the officer is away.' })
  @Enum({ items: () => AbsenceReason })
  reason!: AbsenceReason;

  @ManyToOne(() => Officer, { ref: true, nullable: true, deleteRule: 'restrict', index: 'officer_absence_substitute_index' })
  substitute?: Ref<Officer> | null;

  // Exposed by OfficerAbsenceResolver#notes: hidden from some actors (officer-absence.policy.ts).
  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
