import 'reflect-metadata';
import { ActivityFigures, figureChange } from '../../server/src/modules/report/activity-report.types';
import { suppressBreakdown, type CellBasis } from '../../server/src/modules/report/small-cells';

const OWN = 7;
const RULE = { minOfficers: 3, minActivities: 10 };

/** A cell of `activities` by `officers` officers of agencies `lowest` to `highest`. */
function cell(activities: number, officers: number, lowest: number | null, highest = lowest): ActivityFigures {
  const basis: CellBasis = { officers, lowestAgencyId: lowest, highestAgencyId: highest };
  return Object.assign(new ActivityFigures(), {
    activities,
    minutes: activities * 30,
    hours: activities / 2,
    studentsReached: activities,
    staffReached: 0,
    suppressed: false,
    basis,
  });
}

const shown = (cells: ActivityFigures[]) =>
  suppressBreakdown(cells, RULE, OWN).map((entry) => (entry.suppressed ? null : entry.activities));

describe('small-cell suppression of one breakdown', () => {
  it('never withholds a cell of the own agency alone, however small', () => {
    expect(shown([cell(1, 1, OWN), cell(0, 0, null)])).toEqual([1, 0]);
  });

  it('withholds a cell with other agencies on too few officers or activities, mixed with the own agency or not', () => {
    // Mixed own and other (agencies 3 to 7) on two officers; another agency on 9 activities; two that pass.
    expect(shown([cell(50, 2, 3, OWN), cell(9, 4, 2), cell(40, 3, 1), cell(30, 5, 8)])).toEqual([null, null, 40, 30]);
  });

  it('withholds the next smallest other cell when only one would be, never the own one', () => {
    expect(shown([cell(2, 1, OWN), cell(5, 1, 1), cell(40, 3, 2), cell(30, 3, 3), cell(12, 3, OWN)])).toEqual([2, null, 40, null, 12]);
    // Nothing else to withhold: the one stays alone.
    expect(shown([cell(5, 1, 1), cell(12, 3, OWN)])).toEqual([null, 12]);
  });

  it('leaves the cells it was given as they are', () => {
    const cells = [cell(5, 1, 1), cell(40, 3, 2)];
    suppressBreakdown(cells, RULE, OWN);
    expect(cells.map((entry) => [entry.suppressed, entry.activities])).toEqual([
      [false, 5],
      [false, 40],
    ]);
  });
});

describe('the change of a figure', () => {
  it('is the difference of the figures shown, and withheld with either of them', () => {
    expect(figureChange(0.33, 0.17)).toEqual({ absolute: 0.16, percent: 94.1, suppressed: false });
    expect(figureChange(3, 0)).toEqual({ absolute: 3, percent: null, suppressed: false });
    expect(figureChange(null, 4)).toEqual({ absolute: null, percent: null, suppressed: true });
    expect(figureChange(4, null)).toEqual({ absolute: null, percent: null, suppressed: true });
  });
});
