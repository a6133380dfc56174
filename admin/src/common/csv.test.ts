import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and quotes what needs quoting', () => {
    const csv = toCsv(
      [{ name: 'Harlow Falls "North"', count: 3, notes: 'a,b' }],
      [
        { header: 'Name', value: (row) => row.name },
        { header: 'Count', value: (row) => row.count },
        { header: 'Notes', value: (row) => row.notes },
      ],
    );
    expect(csv).toBe('Name,Count,Notes\r\n"Harlow Falls ""North""",3,"a,b"');
  });

  it('neutralises spreadsheet formulas but keeps negative numbers', () => {
    const csv = toCsv([{ value: '=HYPERLINK("x")' }, { value: -2 }], [{ header: 'Value', value: (row) => row.value }]);
    expect(csv.split('\r\n')).toEqual(['Value', `"'=HYPERLINK(""x"")"`, '-2']);
  });
});
