import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { exampleTabs } from '../explorer/exampleQueries';
import { ACTIVITY_REPORT, COVERAGE_REPORT, STAFFING_REPORT } from '../reports/reportQueries';
import { createMutation, deleteManyMutation, deleteMutation, listQuery, oneQuery, updateManyMutation, updateMutation } from './queries';
import { resources } from './resources';
import * as walk from '../safetyAudits/walkQueries';

// The committed SDL is the API contract: every document the console sends must validate against it.
const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../../schema/schema.graphql'), 'utf8'));

function errorsOf(document: string): string[] {
  return validate(schema, parse(document)).map((error) => error.message);
}

describe('the console queries match schema/schema.graphql', () => {
  for (const [resource, definition] of Object.entries(resources)) {
    it(`${resource}: list and one`, () => {
      expect(errorsOf(listQuery(definition))).toEqual([]);
      if (!definition.noSingleQuery) expect(errorsOf(oneQuery(definition))).toEqual([]);
    });
    if (definition.createFields.length === 0) continue;
    it(`${resource}: create, update, delete and the bulk mutations`, () => {
      for (const document of [createMutation, updateMutation, deleteMutation, updateManyMutation, deleteManyMutation]) {
        expect(errorsOf(document(definition))).toEqual([]);
      }
    });
  }

  it.each([
    ['coverage', COVERAGE_REPORT],
    ['activity', ACTIVITY_REPORT],
    ['staffing', STAFFING_REPORT],
  ])('the %s report', (_name, document) => {
    expect(errorsOf(document)).toEqual([]);
  });

  it.each(Object.entries(walk).filter(([name]) => name !== 'AUDIT_FIELDS'))('the safety audit document %s', (_name, document) => {
    expect(errorsOf(document)).toEqual([]);
  });

  it('the API explorer examples', () => {
    for (const tab of exampleTabs) expect(errorsOf(tab.query)).toEqual([]);
  });
});
