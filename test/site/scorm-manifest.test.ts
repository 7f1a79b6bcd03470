/**
 * The LMS package's manifest (src/lib/scorm/manifest.ts): text escaped, the pass mark as each
 * version states it, every file listed, and each version valid against the ADL/IMS schemas
 * (xmllint, test/support/xmllint.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { scormVersions, type ScormVersion } from '../../src/lib/scorm/course';
import { lomMetadata, metadataFile, scormManifest, type ManifestInput } from '../../src/lib/scorm/manifest';
import { manifestSchemaErrors } from '../support/xmllint';

const scratch = mkdtempSync(join(tmpdir(), 'manifest-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes `xml` to a file of its own and returns the file's path. */
let written = 0;
function file(xml: string): string {
  const path = join(scratch, `${++written}.xml`);
  writeFileSync(path, xml);
  return path;
}

const files = ['index.html', 'en/index.html', 'en/quiz/index.html', '_astro/quiz.B1x_9.js', 'pagefind/fragment/en_3f2a.pf_fragment', 'en/a file & more/100%.html', '中文/頁.html'];
const input = (version: ScormVersion, change: Partial<ManifestInput> = {}): ManifestInput => ({
  version,
  identifier: `customer-first-en-${version === '1.2' ? 'scorm12' : 'scorm2004'}`,
  title: 'Customer first: <JD> & "Alibaba"',
  description: 'Values, cases & a self-assessment > a quiz',
  lang: 'en',
  passMark: 0.8,
  launch: 'index.html',
  files,
  ...change,
});

/** The text of every element named `name` (namespace prefix included), as xmllint reads it. */
function texts(xml: string, name: string): string[] {
  const path = file(xml);
  const xpath = (expression: string) => {
    const run = spawnSync('xmllint', ['--xpath', expression, path], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout.replace(/\n$/, '');
  };
  const count = Number(xpath(`count(//*[name()='${name}'])`));
  return Array.from({ length: count }, (_, i) => xpath(`string((//*[name()='${name}'])[${i + 1}])`));
}

describe.each(scormVersions)('SCORM %s', (version) => {
  const xml = scormManifest(input(version));

  test('valid against the version’s schemas (xmllint)', () => {
    expect(manifestSchemaErrors(file(xml), version)).toBe('');
  });

  test('titles are escaped, and read back as written', () => {
    expect(xml).not.toContain('<JD>');
    expect(xml).not.toContain('& "');
    expect(texts(xml, 'title')).toEqual(['Customer first: <JD> & "Alibaba"', 'Customer first: <JD> & "Alibaba"']);
    if (version === '1.2') expect(texts(xml, 'imsmd:langstring')).toEqual(['Customer first: <JD> & "Alibaba"', 'Values, cases & a self-assessment > a quiz']);
  });

  test('every file is listed once, as a URL that reads back as its path', () => {
    const hrefs = [...xml.matchAll(/<file href="([^"]*)"\/>/g)].map((m) => decodeURI(m[1]!.replaceAll('&amp;', '&')));
    expect(hrefs).toEqual(files);
    expect(xml).toContain('href="en/a%20file%20&amp;%20more/100%25.html"');
    expect(xml.match(/<resource /g)).toHaveLength(1);
    expect(xml).toMatch(/<resource identifier="sco" type="webcontent" adlcp:scorm[tT]ype="sco" href="index.html">/);
  });

  test('the pass mark as the version states it, and a pass mark out of range is refused by the schemas', () => {
    if (version === '1.2') {
      expect(texts(xml, 'adlcp:masteryscore')).toEqual(['80']);
      expect(texts(scormManifest(input(version, { passMark: 0.57 })), 'adlcp:masteryscore')).toEqual(['57']);
    } else {
      expect(texts(xml, 'imsss:minNormalizedMeasure')).toEqual(['0.8']);
      expect(manifestSchemaErrors(file(scormManifest(input(version, { passMark: 1.8 }))), version)).toMatch(/minNormalizedMeasure/);
    }
  });
});

test('a 2004 manifest points to its LOM record, which holds the escaped title, description and language', () => {
  expect(scormManifest(input('2004'))).toContain(`<adlcp:location>${metadataFile}</adlcp:location>`);
  const lom = lomMetadata({ title: '客戶為先 & <價值>', description: 'A "course"', lang: 'zh-Hant-TW' });
  expect(texts(lom, 'string')).toEqual(['客戶為先 & <價值>', 'A "course"']);
  expect(texts(lom, 'language')).toEqual(['zh-Hant-TW']);
});

test('the schema check finds a manifest of one version invalid against the other’s schemas', () => {
  expect(manifestSchemaErrors(file(scormManifest(input('1.2'))), '2004')).not.toBe('');
});
