import { Check, DecimalType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';

export enum AssignmentRole {
  PRIMARY = 'PRIMARY',
  SECONDARY = 'SECONDARY',
  BACKUP = 'BACKUP',
}

registerEnumType(AssignmentRole, {
  name: 'AssignmentRole',
  description: "An officer's role at a school. A school is COVERED only while it has a PRIMARY officer.",
  valuesConfig: {
    PRIMARY: { description: "The school's own SRO. An officer has at most one PRIMARY assignment on any day." },
    SECONDARY: { description: 'Shares the school with its primary SRO, or serves it part-time.' },
    BACKUP: { description: 'Covers the school when its SRO is away.' },
  },
});

/**
 * An officer serving a school for a period. The rules (end >= start, no two overlapping PRIMARY assignments
 * per officer, summed FTE <= 1 on any day, active officer and school) hold in PostgreSQL: see the migration
 * that adds `assignment_primary_no_overlap` and the `assignment_rules` trigger.
 */
@ObjectType({ description: 'An officer serving a school for a period, with a role and a share of full-time.', simpleResolvers: true })
@Entity()
@Check({ name: 'assignment_end_after_start', expression: 'end_date is null or end_date >= start_date' })
@Check({ name: 'assignment_fte_range', expression: 'fte > 0 and fte <= 1' })
@Index({ name: 'assignment_dates_index', properties: ['startDate', 'endDate'] })
// Declared here by name only, so that schema diffs keep them; migration assignment_rules creates them.
@Index({ name: 'assignment_primary_no_overlap', expression: 'select 1 -- exclusion constraint: see migration assignment_rules' })
@Index({
  name: 'assignment_school_period_index',
  expression: 'select 1 -- gist index on (school_id, period): see migration assignment_rules',
})
export class Assignment extends BaseEntity {
  @ManyToOne(() => Officer, { ref: true, deleteRule: 'restrict', index: 'assignment_officer_index' })
  officer!: Ref<Officer>;

  @ManyToOne(() => School, { ref: true, deleteRule: 'restrict', index: 'assignment_school_index' })
  school!: Ref<School>;

  @Field(() => AssignmentRole, { description: "The officer's role at the school." })
  @Enum({ items: () => AssignmentRole })
  role!: AssignmentRole;

  @Field(() => DateScalar, { description: 'First day of the assignment.' })
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the assignment (inclusive); null while open-ended.' })
  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  @Field(() => Float, { description: 'Share of a full-time position, greater than 0 and at most 1, in hundredths.' })
  @Property({ type: new DecimalType('number'), precision: 3, scale: 2 })
  fte!: number;

  // Exposed by AssignmentResolver#notes: hidden from some actors (assignment.policy.ts).
  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
