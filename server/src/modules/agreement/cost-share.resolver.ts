import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '../../common/actor';
import type { RequestContext } from '../../common/context';
import { daysBetween, isCalendarDate } from '../../common/dates';
import { badInput } from '../../common/errors';
import { requireActor } from '../../common/policy';
import { DateScalar } from '../../common/scalars';
import { parseId } from '../../common/validation';
import { OfficerRank } from '../officer/officer.entity';
import { COST_SHARE_SQL } from './cost-share.query';

@ObjectType({ description: 'One line of the invoice: an officer, a month and the cost terms in force (a rate change splits a month).' })
export class CostShareLine {
  @Field(() => ID, { description: 'The officer.' })
  officerId!: string;

  @Field({ description: "The officer's name, family name first." })
  officerName!: string;

  @Field(() => OfficerRank, { description: "The officer's rank (its current one)." })
  rank!: OfficerRank;

  @Field(() => DateScalar, { description: 'First day of the month.' })
  month!: string;

  @Field(() => ID, { description: 'The cost term that priced this line.' })
  costTermId!: string;

  @Field(() => DateScalar, { description: 'First billed day of the line.' })
  firstDay!: string;

  @Field(() => DateScalar, { description: 'Last billed day of the line.' })
  lastDay!: string;

  @Field({ description: 'Instructional days assigned, x FTE (exact decimal).' })
  instructionalDays!: string;

  @Field({ description: 'Non-instructional working days assigned, x FTE (exact decimal).' })
  nonInstructionalDays!: string;

  @Field({ description: 'Hours: days x hours per full-time day.' })
  hours!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Hourly rate of the rank (HOURLY), or the cost of a full-time day (annual / 260); null when the terms give none.',
  })
  rate!: string | null;

  @Field(() => String, { nullable: true, description: 'Gross amount, rounded once to cents.' })
  gross!: string | null;

  @Field(() => String, { nullable: true, description: "The district's share, rounded once to cents." })
  districtShare!: string | null;

  @Field(() => String, { nullable: true, description: "The agency's share: gross less the district's share." })
  agencyShare!: string | null;
}

@ObjectType({ description: 'Totals of the invoice: sums of the rounded lines.' })
export class CostShareTotals {
  @Field({ description: 'Hours.' })
  hours!: string;

  @Field({ description: 'Gross amount.' })
  gross!: string;

  @Field({ description: "The district's share." })
  districtShare!: string;

  @Field({ description: "The agency's share." })
  agencyShare!: string;
}

@ObjectType({ description: "An agency's cost-share invoice for a period, as the district checks it." })
export class CostShareReport {
  @Field(() => ID, { description: 'The agency.' })
  agencyId!: string;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to!: string;

  @Field(() => [CostShareLine], { description: 'Per officer, month and cost term.' })
  lines!: CostShareLine[];

  @Field(() => CostShareTotals, { description: 'Totals for the agency.' })
  totals!: CostShareTotals;
}

interface LineRow {
  officer_id: number;
  first_name: string;
  last_name: string;
  rank: OfficerRank;
  month: string;
  term_id: number;
  first_day: string;
  last_day: string;
  instructional_days: string;
  non_instructional_days: string;
  hours: string;
  rate: string | null;
  gross: string | null;
  district_share: string | null;
  agency_share: string | null;
}

/** The invoice for [from, to] as the actor may see it: null for another agency's chief (the query and the CSV). */
export async function buildCostShareReport(
  ctx: RequestContext,
  agencyIdText: string,
  from: string,
  to: string,
): Promise<CostShareReport | null> {
  const actor = requireActor(ctx.actor);
  const agencyId = parseId(agencyIdText, 'agencyId');
  if (!isCalendarDate(from) || !isCalendarDate(to))
    throw badInput('Dates are YYYY-MM-DD', { from: ['A calendar date'], to: ['A calendar date'] });
  if (to < from) throw badInput('The period ends before it starts', { to: ['to must be on or after from'] });
  if (daysBetween(from, to) > 366) throw badInput('The period is longer than 366 days', { to: ['At most 366 days'] });
  if (actor.role === Role.AGENCY_CHIEF && actor.agencyId !== agencyId) return null;
  const parameters = [from, to, agencyId, agencyId];
  const rows = await ctx.em.execute<LineRow[]>(COST_SHARE_SQL, parameters);
  const [totals] = await ctx.em.execute<{ hours: string; gross: string; district_share: string; agency_share: string }[]>(
    `select coalesce(sum(hours::numeric), 0)::text as hours, coalesce(sum(gross::numeric), 0)::text as gross,
              coalesce(sum(district_share::numeric), 0)::text as district_share, coalesce(sum(agency_share::numeric), 0)::text as agency_share
         from (${COST_SHARE_SQL}) report`,
    parameters,
  );
  return {
    agencyId: String(agencyId),
    from,
    to,
    lines: rows.map((row) => ({
      officerId: String(row.officer_id),
      officerName: `${row.last_name}, ${row.first_name}`,
      rank: row.rank,
      month: row.month,
      costTermId: String(row.term_id),
      firstDay: row.first_day,
      lastDay: row.last_day,
      instructionalDays: row.instructional_days,
      nonInstructionalDays: row.non_instructional_days,
      hours: row.hours,
      rate: row.rate,
      gross: row.gross,
      districtShare: row.district_share,
      agencyShare: row.agency_share,
    })),
    totals: { hours: totals.hours, gross: totals.gross, districtShare: totals.district_share, agencyShare: totals.agency_share },
  };
}

@Resolver()
export class CostShareResolver {
  @Authorized(Role.ADMIN, Role.ANALYST, Role.AGENCY_CHIEF)
  @Query(() => CostShareReport, {
    nullable: true,
    description:
      "An agency's cost-share invoice for [from, to] (at most 366 days): per officer and month, the days assigned, hours, rate, gross, the district's and the agency's share, in exact decimals rounded once per line to cents. Null for another agency's chief.",
  })
  costShareReport(
    @Ctx() ctx: RequestContext,
    @Arg('agencyId', () => ID, { description: 'The agency.' }) agencyIdText: string,
    @Arg('from', () => DateScalar, { description: 'First day.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day (inclusive).' }) to: string,
  ): Promise<CostShareReport | null> {
    return buildCostShareReport(ctx, agencyIdText, from, to);
  }
}
