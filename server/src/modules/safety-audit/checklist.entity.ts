import { Check, Collection, Entity, Enum, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { ChecklistArea, FindingSeverity } from './safety-audit.enums';

/**
 * One version of a facility safety checklist. A new version is a new row with the same name and the next version
 * number; once published, its items never change (the database refuses it), so an audit done on it keeps its meaning.
 */
@ObjectType({ description: 'One version of a facility safety checklist; a published version never changes.', simpleResolvers: true })
@Entity({ tableName: 'checklist_template' })
@Unique({ name: 'checklist_template_name_version_unique', properties: ['name', 'versionNumber'] })
@Check({ name: 'checklist_template_version_positive', expression: 'version_number >= 1' })
@Check({ name: 'checklist_template_name_not_blank', expression: "btrim(name) <> ''" })
export class ChecklistTemplate extends BaseEntity<'publishedAt'> {
  @Field({ description: 'Name of the checklist, shared by its versions.' })
  @Property({ length: 200 })
  name!: string;

  @Field(() => Int, { description: 'Version number, 1 for the first; unique with the name.' })
  @Property()
  versionNumber!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When this version was published; null while it is a draft. Audits use published versions only.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @OneToMany(() => ChecklistItem, (item) => item.template)
  items = new Collection<ChecklistItem>(this);
}

/** One criterion of a checklist version. */
@ObjectType({ description: 'One criterion of a checklist version.', simpleResolvers: true })
@Entity({ tableName: 'checklist_item' })
@Unique({ name: 'checklist_item_position_unique', properties: ['template', 'position'] })
@Check({ name: 'checklist_item_criterion_not_blank', expression: "btrim(criterion) <> ''" })
export class ChecklistItem extends BaseEntity {
  @ManyToOne(() => ChecklistTemplate, { ref: true, deleteRule: 'cascade', index: false })
  template!: Ref<ChecklistTemplate>;

  @Field(() => ChecklistArea, { description: 'Area of the building or program the item belongs to.' })
  @Enum({ items: () => ChecklistArea })
  area!: ChecklistArea;

  @Field(() => Int, { description: 'Order of the item in its checklist.' })
  @Property()
  position!: number;

  @Field({ description: 'What must hold, as the auditor checks it.' })
  @Property({ length: 500 })
  criterion!: string;

  @Field({ description: 'How to check it and what counts as meeting it.' })
  @Property({ type: 'text', default: '' })
  guidance: string = '';

  @Field(() => FindingSeverity, { description: 'Severity of a failure of this item unless the auditor says otherwise.' })
  @Enum({ items: () => FindingSeverity })
  defaultSeverity!: FindingSeverity;
}
