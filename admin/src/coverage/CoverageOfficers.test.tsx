import { renderToStaticMarkup } from 'react-dom/server';
import type { SchoolCoverage } from '../reports/reportQueries';
import { CoverageOfficers } from './CoverageOfficers';

const agency = { id: '1', name: 'Harlow Falls Police Department' };
const marsh = { id: '7', firstName: 'Elena', lastName: 'Marsh', rank: 'OFFICER' };
const okafor = { id: '9', firstName: 'Ben', lastName: 'Okafor', rank: 'SERGEANT' };
const school = { id: '3', name: 'Millrace Middle School', level: 'MIDDLE', locale: 'CITY', enrollment: 610 };

const render = (row: SchoolCoverage) =>
  renderToStaticMarkup(<CoverageOfficers row={row} />)
    // Text only: tags, and the styles emotion writes inline on a server render, left out.
    .replace(/<style[^>]*>.*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe("a school's officers on the coverage page", () => {
  it('says whom a substitute stands in for, and lists the absent officer apart', () => {
    const text = render({
      school,
      status: 'COVERED',
      totalFte: 1,
      enrollmentPerSroFte: 610,
      officers: [
        {
          assignmentId: '5',
          role: 'PRIMARY',
          fte: 1,
          startDate: '2026-08-01',
          endDate: null,
          officer: okafor,
          agency,
          substituteFor: marsh,
        },
      ],
      absent: [{ assignmentId: '5', role: 'PRIMARY', fte: 1, officer: marsh, agency, substitutedBy: okafor }],
    });
    expect(text).toContain('Sergeant Ben Okafor · Harlow Falls Police Department · Primary 1 · substitute for Officer Elena Marsh');
    expect(text).toContain('Away: Officer Elena Marsh · Primary 1 · substitute Sergeant Ben Okafor');
  });

  it('says when an absent officer has no substitute', () => {
    const text = render({
      school,
      status: 'UNCOVERED',
      totalFte: 0,
      enrollmentPerSroFte: null,
      officers: [],
      absent: [{ assignmentId: '6', role: 'PRIMARY', fte: 1, officer: marsh, agency, substitutedBy: null }],
    });
    expect(text.trim()).toBe('Away: Officer Elena Marsh · Primary 1 · no substitute');
  });
});
