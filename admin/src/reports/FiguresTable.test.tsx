import { renderToStaticMarkup } from 'react-dom/server';
import { FiguresTable } from './FiguresTable';
import type { Figures } from './reportQueries';

const RULE = { minOfficers: 3, minActivities: 10 };
const withheld: Figures = { activities: null, minutes: null, hours: null, studentsReached: null, staffReached: null, suppressed: true };
const counted: Figures = { activities: 0, minutes: 0, hours: 0, studentsReached: 0, staffReached: 0, suppressed: false };

describe('a breakdown table', () => {
  const render = (rows: (Figures & { name: string })[]) =>
    renderToStaticMarkup(<FiguresTable title="By agency" rows={rows} label={(row) => row.name} rowKey={(row) => row.name} rule={RULE} />);
  // Cells as text: tags, and the styles that emotion writes inline on a server render, left out.
  const cellsOf = (html: string, name: string) => {
    const row = html.split('<tr').find((part) => part.includes(`>${name}</th>`))!;
    return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((match) =>
      match[1].replace(/<style[^>]*>.*?<\/style>/g, '').replace(/<[^>]+>/g, ''),
    );
  };

  it('shows a withheld figure as "—" with the reason, and a counted 0 as 0', () => {
    const html = render([
      { ...withheld, name: 'Solo Police' },
      { ...counted, name: 'Quiet Sheriff' },
    ]);
    expect(cellsOf(html, 'Solo Police')).toEqual(['—', '—', '—', '—']);
    expect(cellsOf(html, 'Quiet Sheriff')).toEqual(['0', '0', '0', '0']);
    expect(html).toContain('aria-label="Withheld: other agencies&#x27; work on fewer than 3 officers or 10 activities"');
    expect(html).toContain('— Withheld: other agencies&#x27; work on fewer than 3 officers or 10 activities.');
  });

  it('has no legend when nothing is withheld', () => {
    expect(render([{ ...counted, name: 'Quiet Sheriff' }])).not.toContain('Withheld');
  });
});
