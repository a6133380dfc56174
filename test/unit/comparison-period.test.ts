import { DomainError } from '../../server/src/common/errors';
import { comparisonPeriod, ComparisonPeriod } from '../../server/src/modules/report/periods';

const period = (from: string, to: string) => ({ from, to, label: `${from} to ${to}` });
const compare = (from: string, to: string, compareTo: ComparisonPeriod) => {
  const { from: start, to: end } = comparisonPeriod(period(from, to), compareTo, 7);
  return [start, end];
};

describe('comparisonPeriod', () => {
  it('shifts by calendar months in the first centuries too, where Date.UTC would read the year as 19xx', () => {
    expect(compare('0005-03-31', '0005-05-31', ComparisonPeriod.PREVIOUS_QUARTER)).toEqual(['0004-12-31', '0005-02-28']);
    expect(compare('0004-02-29', '0004-02-29', ComparisonPeriod.SAME_PERIOD_LAST_YEAR)).toEqual(['0003-02-28', '0003-02-28']);
    expect(compare('0001-04-01', '0001-06-30', ComparisonPeriod.PREVIOUS_QUARTER)).toEqual(['0001-01-01', '0001-03-31']);
  });

  it.each([
    ['0001-02-01', '0001-02-28', ComparisonPeriod.PREVIOUS_QUARTER],
    ['0001-12-31', '0001-12-31', ComparisonPeriod.SAME_PERIOD_LAST_YEAR],
    ['0001-01-01', '0001-01-01', ComparisonPeriod.PREVIOUS_PERIOD],
  ])('refuses %s to %s compared with %s, which would start before 0001-01-01, as BAD_USER_INPUT', (from, to, compareTo) => {
    let error: unknown;
    try {
      comparisonPeriod(period(from, to), compareTo, 7);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    expect(Object.keys((error as DomainError).extensions.fields as object)).toEqual(['compareTo']);
  });
});
