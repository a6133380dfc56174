import { Check, Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { School } from '../school/school.entity';

/** Days a school (or every school) is closed within a school year: a holiday, a break, an emergency closure. */
@ObjectType({
  description: 'Days one school, or every school, is closed: a holiday, a break, an emergency closure.',
  simpleResolvers: true,
})
@Entity()
@Check({ name: 'school_closure_end_after_start', expression: 'end_date >= start_date' })
@Check({ name: 'school_closure_reason_not_blank', expression: "btrim(reason) <> ''" })
@Index({ name: 'school_closure_dates_index', properties: ['startDate', 'endDate'] })
export class SchoolClosure extends BaseEntity {
  @Field(() => DateScalar, { description: 'First day closed.' })
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Last day closed (inclusive).' })
  @Property({ type: 'date' })
  endDate!: string;

  /** Null: every school of the district. */
  @ManyToOne(() => School, { ref: true, nullable: true, deleteRule: 'cascade', index: 'school_closure_school_index' })
  school?: Ref<School> | null;

  @Field({ description: 'Why, such as "Thanksgiving break" or "Water main break".' })
  @Property({ length: 200 })
  reason!: string;
}
