import { Check, Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';

/**
 * A school year: its first and last instructional day. Days outside every school year are out of session (summer).
 * School years never overlap: an exclusion constraint in PostgreSQL (migration school_calendar).
 */
@ObjectType({ description: 'A school year: its first and last instructional day.', simpleResolvers: true })
@Entity()
@Unique({ name: 'school_year_name_unique', properties: ['name'] })
@Check({ name: 'school_year_last_after_first', expression: 'last_day >= first_day' })
@Check({ name: 'school_year_name_not_blank', expression: "btrim(name) <> ''" })
// Declared here by name only, so that schema diffs keep it; migration school_calendar creates it.
@Index({ name: 'school_year_no_overlap', expression: 'select 1 -- exclusion constraint: see migration school_calendar' })
export class SchoolYear extends BaseEntity {
  @Field({ description: 'Name, such as "2026-27".' })
  @Property({ length: 40 })
  name!: string;

  @Field(() => DateScalar, { description: 'First instructional day.' })
  @Property({ type: 'date' })
  firstDay!: string;

  @Field(() => DateScalar, { description: 'Last instructional day (inclusive).' })
  @Property({ type: 'date' })
  lastDay!: string;
}
