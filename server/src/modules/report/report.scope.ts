import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Actor } from '../../common/actor';
import { REPORT_RULES, restrictionOf } from './report.policy';

export enum ReportScopeKind {
  DISTRICT = 'DISTRICT',
  AGENCY = 'AGENCY',
  OFFICER = 'OFFICER',
}

registerEnumType(ReportScopeKind, {
  name: 'ReportScopeKind',
  description: 'How much of the program a report shows in detail to the caller (SPEC.md, "Who uses it").',
  valuesConfig: {
    DISTRICT: { description: 'ADMIN and ANALYST: the whole district, in detail.' },
    AGENCY: { description: 'AGENCY_CHIEF: its own agency in detail; other agencies only as one aggregate per agency.' },
    OFFICER: { description: 'OFFICER: its own activity only.' },
  },
});

@ObjectType({ description: 'Whose figures a report shows in detail, so that a client can say so next to them.', simpleResolvers: true })
export class ReportScope {
  @Field(() => ReportScopeKind, { description: 'District, own agency or own activity.' })
  kind!: ReportScopeKind;

  @Field(() => ID, { nullable: true, description: 'With AGENCY: the agency shown in detail.' })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'With OFFICER: the officer whose activity is shown.' })
  officerId?: string | null;
}

/** The caller's scope as the reports present it; the rule is report.policy.ts's. */
export function scopeOf(actor: Actor): ReportScope {
  const restriction = restrictionOf(actor);
  return Object.assign(new ReportScope(), {
    kind: ReportScopeKind[REPORT_RULES[actor.role].detail],
    agencyId: restriction.agencyId === null ? null : String(restriction.agencyId),
    officerId: restriction.officerId === null ? null : String(restriction.officerId),
  });
}
