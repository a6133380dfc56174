import { Field, Int, ObjectType } from 'type-graphql';
import type { Actor } from '../../common/actor';
import { countsCells } from './report.policy';
import type { ActivityFigures, ActivityFiguresSource } from './activity-report.types';

@ObjectType({
  description:
    'When a figure about other agencies is suppressed for an agency chief (SPEC.md, "Aggregates about other agencies"): it rests on fewer ' +
    'officers or fewer activities than these.',
  simpleResolvers: true,
})
export class SmallCellRule {
  @Field(() => Int, { description: 'Fewest different officers a figure about other agencies must rest on (SMALL_CELL_MIN_OFFICERS).' })
  minOfficers!: number;

  @Field(() => Int, { description: 'Fewest activities a figure about other agencies must rest on (SMALL_CELL_MIN_ACTIVITIES).' })
  minActivities!: number;
}

/** What a cell rests on: counted in the same SQL statement as its figures, only for callers whose cells may be suppressed. */
export interface CellBasis {
  /** Different officers whose activities the cell sums. */
  officers: number;
  /** Lowest and highest agency of those officers: a cell is the own agency's alone when both are it. */
  lowestAgencyId: number | null;
  highestAgencyId: number | null;
}

const FIGURES = ['activities', 'minutes', 'hours', 'studentsReached', 'staffReached'] as const;

function includesOthers(cell: ActivityFigures, ownAgencyId: number): boolean {
  const basis = cell.basis;
  // Without a basis (no rows, or a caller whose cells are never counted) the cell holds no other agency's work.
  if (!basis || basis.lowestAgencyId === null) return false;
  return basis.lowestAgencyId !== ownAgencyId || basis.highestAgencyId !== ownAgencyId;
}

/** A copy of the cell with every figure replaced by null. */
function suppressed<T extends ActivityFigures>(cell: T): T {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(cell) as object) as T, cell, { suppressed: true });
  for (const figure of FIGURES) copy[figure] = null;
  return copy;
}

/**
 * One breakdown with its small cells suppressed: every cell with other agencies' work that rests on fewer
 * officers or activities than the rule; and when that leaves exactly one cell suppressed, the next smallest cell
 * with other agencies' work too, so that the one cannot be subtracted back from a total. The cells given are
 * left as they are (they are kept, and asked for again by other fields).
 */
export function suppressBreakdown<T extends ActivityFigures>(cells: T[], rule: SmallCellRule, ownAgencyId: number): T[] {
  const others = cells.filter((cell) => includesOthers(cell, ownAgencyId));
  const small = new Set(others.filter((cell) => cell.basis!.officers < rule.minOfficers || cell.activities! < rule.minActivities));
  if (small.size === 1) {
    const [next] = others.filter((cell) => !small.has(cell)).sort((left, right) => left.activities! - right.activities!);
    if (next) small.add(next);
  }
  return cells.map((cell) => (small.has(cell) ? suppressed(cell) : cell));
}

/**
 * A chief's figures with small cells about other agencies suppressed, each breakdown on its own; everyone else's
 * figures as they are. Every figure a report shows, and so every CSV built from the report, comes through here.
 */
export function smallCellsSuppressed(source: ActivityFiguresSource, actor: Actor, rule: SmallCellRule): ActivityFiguresSource {
  if (!countsCells(actor)) return source;
  const own = actor.agencyId ?? 0;
  const breakdown =
    <T extends ActivityFigures>(compute: () => Promise<T[]>) =>
    async () =>
      suppressBreakdown(await compute(), rule, own);
  return {
    totals: async () => suppressBreakdown([await source.totals()], rule, own)[0],
    byCategory: breakdown(() => source.byCategory()),
    byTopic: breakdown(() => source.byTopic()),
    byAgency: breakdown(() => source.byAgency()),
    bySchool: breakdown(() => source.bySchool()),
    byOfficer: breakdown(() => source.byOfficer()),
    series: breakdown(() => source.series()),
  };
}
