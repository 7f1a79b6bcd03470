/** Files the loaders would skip or misread fail with the file and the cause (src/lib/content-files.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { contentFileProblems, encodingProblem } from '../../src/lib/content-files';

describe('encoding', () => {
  test('UTF-8 passes, with Chinese in it', () => {
    expect(encodingProblem(Buffer.from('title:\n  zh-hant: 客戶為先\n'))).toBeUndefined();
  });

  test('a stray Latin-1 byte is named, with its line', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\nb: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect(encodingProblem(bytes)).toMatch(/line 2 has the byte 0xE9 .*Latin-1/);
  });

  test('Big5 is named as Big5', () => {
    // 客戶為先 in Big5.
    const bytes = Buffer.from([0x74, 0x3a, 0x20, 0xab, 0xc8, 0xa4, 0xe1, 0xac, 0xb0, 0xa5, 0xfd, 0x0a]);
    expect(new TextDecoder('big5').decode(bytes)).toBe('t: 客戶為先\n');
    expect(encodingProblem(bytes)).toMatch(/looks like Big5/);
  });

  test('a byte-order mark is named', () => {
    expect(encodingProblem(Buffer.from('\uFEFFa: 1\n'))).toMatch(/byte-order mark/);
  });
});

describe('layout', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const layout = { yamlFolders: ['content/cases'], pageFolders: ['content/pages'], files: [] };
  const write = (path: string, text = 'a: 1\n') => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  test('names every file the loaders would not read, and passes the ones they read', () => {
    root = mkdtempSync(join(tmpdir(), 'content-files-'));
    write('content/cases/a.yaml');
    write('content/cases/.DS_Store');
    write('content/cases/b.yml');
    write('content/cases/2026/c.yaml');
    write('content/cases/notes.txt');
    write('content/pages/en/g.mdx', '---\ntitle: t\n---\n\nText.\n');
    write('content/pages/en/g.md');
    write('content/pages/h.mdx');
    expect(contentFileProblems(root, layout).sort()).toEqual(
      [
        'content/cases/2026/c.yaml: files in subfolders are not read; move it to content/cases/',
        'content/cases/b.yml: entries are .yaml files; rename it to b.yaml',
        'content/cases/notes.txt: content/cases/ holds .yaml files only; this file would not be read',
        'content/pages/en/g.md: guide pages are .mdx files; this file would not be read',
        'content/pages/h.mdx: a guide page is content/pages/<locale>/<name>.mdx; this file would not be read',
      ].sort(),
    );
  });
});
