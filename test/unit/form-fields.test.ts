/** The assessment forms' field names (src/lib/form-fields.ts): what is built reads back as itself, and nothing else reads. */
import { expect, test } from 'vitest';
import { formFields, levelFieldName, levelFields, readFieldName } from '../../src/lib/form-fields';

test('every level field of every level reads back as what it was built from', () => {
  for (const field of levelFields) for (const level of [1, 5, 9, 12]) expect(readFieldName(levelFieldName(field, level))).toEqual({ field, level });
  for (const field of formFields) expect(readFieldName(field)).toEqual({ field });
});

test('names the forms never give read as nothing', () => {
  for (const name of ['', 'answer', 'answer-', 'answer-x', 'other-3', 'answer-3-4', '__proto__', 'constructor', 'note-3 ']) expect(readFieldName(name), name).toBeUndefined();
});
