/**
 * A trainer's mistake in a content file fails the build with a message that names the file
 * and the field. Each case builds a broken copy of content/ (CONTENT_DIR) into a temp folder.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runAstro } from '../support/astro-cli';
import { contentRoot } from '../support/content-files';

const work = mkdtempSync(join(tmpdir(), 'broken-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function buildWith(name: string, file: string, edit: (text: string) => string) {
  const dir = join(work, name);
  cpSync(contentRoot, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
  return runAstro(['build'], { CONTENT_DIR: dir, OUT_DIR: join(work, `${name}-dist`) });
}

test('a value outside the schema names the file and the field', () => {
  const { status, output } = buildWith('level', 'cases/alibaba-l1-manager-insults-staff.yaml', (t) =>
    t.replace(/^level: 1$/m, 'level: 7'),
  );
  expect(status).not.toBe(0);
  expect(output).toContain('cases/alibaba-l1-manager-insults-staff.yaml');
  expect(output).toMatch(/level: levels run from 1 to 5/);
});

test('a reference to something that does not exist names the file and the field', () => {
  const { status, output } = buildWith('theme', 'cases/alibaba-l2-night-duty-care.yaml', (t) =>
    t.replace(/^- proactive-service$/m, '- speed'),
  );
  expect(status).not.toBe(0);
  expect(output).toMatch(/cases\/alibaba-l2-night-duty-care\.yaml: themes\.0: unknown theme "speed"/);
});
