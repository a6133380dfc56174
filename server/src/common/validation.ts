import { IsDefined, ValidateIf } from 'class-validator';
import { badInput } from './errors';

/**
 * For update inputs: the field may be left out, but not set to null (the column is required).
 * Other validators on the field then run on any value given.
 */
export function OmittableNotNull(): PropertyDecorator {
  return (target, property) => {
    ValidateIf((_object, value) => value !== undefined)(target, property);
    IsDefined({ message: `${String(property)} cannot be null` })(target, property);
  };
}

const ID_PATTERN = /^[1-9][0-9]{0,9}$/;

/** GraphQL IDs arrive as strings: accept only positive integers that fit the column. */
export function parseId(value: string | number, field = 'id'): number {
  const text = String(value);
  if (!ID_PATTERN.test(text) || Number(text) > 2_147_483_647) {
    throw badInput(`${field} must be the id of a record`, { [field]: [`${JSON.stringify(value)} is not an id`] });
  }
  return Number(text);
}

export function parseIds(values: readonly (string | number)[], field = 'ids'): number[] {
  return values.map((value) => parseId(value, field));
}
