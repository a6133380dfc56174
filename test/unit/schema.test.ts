import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';

/** The API is read in its schema: every type, field, argument and enum value says what it is. */
describe('schema/schema.graphql', () => {
  const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
  const own = Object.values(schema.getTypeMap()).filter(
    (type) => !type.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name),
  );

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of own) {
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const argument of 'args' in field ? field.args : []) {
            if (!argument.description) missing.push(`${type.name}.${field.name}(${argument.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every list the same shape and arguments', () => {
    const query = schema.getQueryType()!.getFields();
    for (const name of ['agencies', 'officers', 'schools', 'assignments', 'activities', 'users', 'auditEvents']) {
      expect(query[name].args.map((argument) => argument.name).sort()).toEqual(['filter', 'page', 'perPage', 'sort']);
      const list = schema.getType(String(query[name].type).replace(/!$/, ''));
      expect(isObjectType(list) && Object.keys(list.getFields()).sort()).toEqual(['items', 'totalCount']);
    }
  });

  it('has the Date and DateTime scalars', () => {
    expect(isScalarType(schema.getType('Date'))).toBe(true);
    expect(isScalarType(schema.getType('DateTime'))).toBe(true);
  });
});
