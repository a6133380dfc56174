import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';
import { ChecklistItem, ChecklistTemplate } from './checklist.entity';
import { FindingResult, FindingSeverity, SafetyAuditStatus } from './safety-audit.enums';

/** A facility safety audit of one school on one checklist version. Submitted, it is read-only (a trigger says so). */
@ObjectType({ description: 'A facility safety audit of one school; once SUBMITTED it is read-only.', simpleResolvers: true })
@Entity({ tableName: 'safety_audit' })
@Index({ name: 'safety_audit_school_date_index', properties: ['school', 'date'] })
@Check({ name: 'safety_audit_submitted_at', expression: "(status = 'SUBMITTED') = (submitted_at is not null)" })
@Check({ name: 'safety_audit_duration_range', expression: 'duration_minutes >= 1 and duration_minutes <= 1440' })
export class SafetyAudit extends BaseEntity<'status' | 'districtStaff' | 'durationMinutes'> {
  @ManyToOne(() => School, { ref: true, deleteRule: 'restrict', index: false })
  school!: Ref<School>;

  @ManyToOne(() => ChecklistTemplate, { ref: true, deleteRule: 'restrict' })
  template!: Ref<ChecklistTemplate>;

  @Field(() => DateScalar, { description: 'Day the building was walked.' })
  @Property({ type: 'date' })
  date!: string;

  @Field(() => SafetyAuditStatus, { description: 'DRAFT while being filled in, SUBMITTED when done.' })
  @Enum({ items: () => SafetyAuditStatus, default: SafetyAuditStatus.DRAFT })
  status: SafetyAuditStatus = SafetyAuditStatus.DRAFT;

  @Field(() => [String], { description: 'District staff on the team, by role and name, such as "Principal: J. Rivera".' })
  @Property({ type: 'text[]', default: '{}' })
  districtStaff: string[] = [];

  @Field(() => Int, { description: 'Time the walk took, in minutes (1-1440); each officer on the team is credited with it.' })
  @Property({ default: 120 })
  durationMinutes: number = 120;

  @Field(() => Date, { nullable: true, description: 'When it was submitted.' })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @OneToMany(() => SafetyAuditOfficer, (member) => member.audit)
  team = new Collection<SafetyAuditOfficer>(this);

  @OneToMany(() => SafetyAuditFinding, (finding) => finding.audit)
  findings = new Collection<SafetyAuditFinding>(this);
}

/** An officer on an audit's team. */
@Entity({ tableName: 'safety_audit_officer' })
@Unique({ name: 'safety_audit_officer_unique', properties: ['audit', 'officer'] })
export class SafetyAuditOfficer extends BaseEntity {
  @ManyToOne(() => SafetyAudit, { ref: true, deleteRule: 'cascade', index: false })
  audit!: Ref<SafetyAudit>;

  @ManyToOne(() => Officer, { ref: true, deleteRule: 'restrict' })
  officer!: Ref<Officer>;
}

/** What the team found for one item of the audit's checklist. */
@ObjectType({ description: 'What the team found for one checklist item.', simpleResolvers: true })
@Entity({ tableName: 'safety_audit_finding' })
@Unique({ name: 'safety_audit_finding_item_unique', properties: ['audit', 'item'] })
@Index({ name: 'safety_audit_finding_item_index', properties: ['item'] })
@Check({ name: 'safety_audit_finding_note_length', expression: 'char_length(note) <= 500' })
@Check({
  name: 'safety_audit_finding_severity',
  expression: "(severity is not null) = (result = 'NEEDS_IMPROVEMENT' or result = 'DEFICIENT')",
})
export class SafetyAuditFinding extends BaseEntity {
  @ManyToOne(() => SafetyAudit, { ref: true, deleteRule: 'cascade', index: false })
  audit!: Ref<SafetyAudit>;

  @ManyToOne(() => ChecklistItem, { ref: true, deleteRule: 'restrict' })
  item!: Ref<ChecklistItem>;

  @Field(() => FindingResult, { description: 'MEETS, NEEDS_IMPROVEMENT, DEFICIENT or NOT_APPLICABLE.' })
  @Enum({ items: () => FindingResult })
  result!: FindingResult;

  @Field(() => FindingSeverity, { nullable: true, description: 'Severity of a NEEDS_IMPROVEMENT or DEFICIENT finding; null otherwise.' })
  @Enum({ items: () => FindingSeverity, nullable: true })
  severity?: FindingSeverity | null;

  // Exposed through a field resolver: findings about unlocked doors are not for every reader.
  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;
}
