import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { readable } from '../../common/hidden-fields';
import { requireActor } from '../../common/policy';
import type { RequestContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { Officer } from '../officer/officer.entity';
import { OfficerAbsence } from './officer-absence.entity';
import {
  BulkUpdateOfficerAbsenceInput,
  CreateOfficerAbsenceInput,
  OfficerAbsenceFilter,
  OfficerAbsenceSort,
  UpdateOfficerAbsenceInput,
} from './officer-absence.inputs';
import { officerAbsencePolicy } from './officer-absence.policy';
import { officerAbsenceService } from './officer-absence.service';

// Field resolvers check the actor themselves, without a class-level @Authorized() (see createCrudResolver).
@Resolver(() => OfficerAbsence)
export class OfficerAbsenceResolver extends createCrudResolver({
  type: OfficerAbsence,
  plural: 'officerAbsences',
  singular: 'officerAbsence',
  filter: OfficerAbsenceFilter,
  sort: OfficerAbsenceSort,
  create: CreateOfficerAbsenceInput,
  update: UpdateOfficerAbsenceInput,
  bulkUpdate: BulkUpdateOfficerAbsenceInput,
  service: officerAbsenceService,
  writers:
    "ADMIN for any officer; AGENCY_CHIEF for its own agency's officers (with a substitute of its own agency). A broken rule (overlapping absences, a substitute that is away, not ACTIVE or over 1.00 FTE) is a CONFLICT naming what clashes.",
}) {
  @FieldResolver(() => Officer, { description: 'The absent officer.' })
  officer(@Root() absence: OfficerAbsence, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return ctx.loaders.one(Officer, absence.officer.id);
  }

  @FieldResolver(() => Officer, {
    nullable: true,
    description: "The officer covering the absent officer's schools, with the same roles, on those days; null when none.",
  })
  substitute(@Root() absence: OfficerAbsence, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return absence.substitute ? ctx.loaders.one(Officer, absence.substitute.id) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Free-text notes. Null when hidden from you: only ADMIN, the absent officer's own agency chief and the officer itself see them.",
  })
  notes(@Root() absence: OfficerAbsence, @Ctx() ctx: RequestContext) {
    const visibility = officerAbsencePolicy.visibility(requireActor(ctx.actor), 'notes');
    if (typeof visibility === 'boolean') return visibility ? (absence.notes ?? null) : null;
    const shown = (officer: Officer | null) => (officer && readable(visibility, officer) ? (absence.notes ?? null) : null);
    const officer = ctx.loaders.one(Officer, absence.officer.id);
    return officer instanceof Promise ? officer.then(shown) : shown(officer);
  }
}
