/** content/lms.yaml, the packages' pass mark: read as written, and a wrong value named with its file and field. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { lmsSettings } from '../../src/data/lms';
import { fixtureProject } from '../support/content-files';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A project folder holding only content/lms.yaml with `text`. */
function withSettings(text: string): URL {
  root = mkdtempSync(join(tmpdir(), 'lms-settings-'));
  mkdirSync(join(root, 'content'));
  writeFileSync(join(root, 'content/lms.yaml'), text);
  return pathToFileURL(`${root}/`);
}

test('a settings file as the project writes it reads', () => {
  expect(lmsSettings(pathToFileURL(`${fixtureProject}/`)).passMark).toBe(80);
});

test.each([
  ['passMark: 180\n', /content\/lms\.yaml[\s\S]*passMark/],
  ['passMark: "80%"\n', /content\/lms\.yaml[\s\S]*passMark/],
  ['passMark: 80\npassmark: 70\n', /content\/lms\.yaml[\s\S]*passmark/],
  ['{}\n', /content\/lms\.yaml[\s\S]*passMark/],
])('%j is refused, naming the file and the field', (text, message) => {
  expect(() => lmsSettings(withSettings(text))).toThrow(message);
});
