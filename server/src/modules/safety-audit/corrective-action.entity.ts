import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { SafetyAuditFinding } from './safety-audit.entity';
import { CorrectiveActionOwner, CorrectiveActionStatus } from './safety-audit.enums';

/** What is to be done about a NEEDS_IMPROVEMENT or DEFICIENT finding, by whom and by when. */
@ObjectType({
  description: 'What is to be done about a finding, by whom and by when. Overdue: past due and not DONE.',
  simpleResolvers: true,
})
@Entity({ tableName: 'corrective_action' })
@Index({ name: 'corrective_action_status_due_index', properties: ['status', 'dueOn'] })
@Index({ name: 'corrective_action_finding_index', properties: ['finding'] })
@Check({ name: 'corrective_action_what_not_blank', expression: "btrim(what) <> ''" })
@Check({ name: 'corrective_action_done_on', expression: "(status = 'DONE') = (completed_on is not null)" })
@Check({ name: 'corrective_action_deferred_reason', expression: "status <> 'DEFERRED' or deferred_reason is not null" })
@Check({ name: 'corrective_action_deferred_reason_not_blank', expression: "btrim(deferred_reason) <> ''" })
export class CorrectiveAction extends BaseEntity<'status'> {
  @ManyToOne(() => SafetyAuditFinding, { ref: true, deleteRule: 'restrict' })
  finding!: Ref<SafetyAuditFinding>;

  @Field({ description: 'What is to be done.' })
  @Property({ length: 500 })
  what!: string;

  @Field(() => CorrectiveActionOwner, { description: 'Who does it.' })
  @Enum({ items: () => CorrectiveActionOwner })
  owner!: CorrectiveActionOwner;

  @Field(() => DateScalar, { description: "Day it is due; by default the finding's date plus the days its severity allows." })
  @Property({ type: 'date' })
  dueOn!: string;

  @Field(() => CorrectiveActionStatus, { description: 'OPEN, IN_PROGRESS, DONE or DEFERRED.' })
  @Enum({ items: () => CorrectiveActionStatus, default: CorrectiveActionStatus.OPEN })
  status: CorrectiveActionStatus = CorrectiveActionStatus.OPEN;

  @Field(() => String, { nullable: true, description: 'Why it was deferred; required when DEFERRED.' })
  @Property({ type: 'string', length: 500, nullable: true })
  deferredReason?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was completed; set exactly when DONE.' })
  @Property({ type: 'date', nullable: true })
  completedOn?: string | null;
}
