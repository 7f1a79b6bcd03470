/**
 * Checks the files of content/ before Astro's loaders read them, so that no file is silently
 * skipped or misread: a file the loaders would not read (a `.yml`, a file in a subfolder) and a
 * file that is not UTF-8 (saved in Big5, or with a stray Latin-1 byte) fail the build, naming
 * the file and what to do. Guide pages are also checked to hold nothing but prose, Markdown and
 * the site's components (src/lib/guide-markdown.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { guideSourceProblems } from './guide-markdown';

/** What each content folder holds, as the loaders of src/content.config.ts read it. */
export interface ContentLayout {
  /** Folders of entries, one `.yaml` file each, directly in the folder. */
  yamlFolders: string[];
  /** Folders of guide pages: `<locale>/<name>.mdx`. */
  pageFolders: string[];
  /** Single files read whole. */
  files: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The encoding problem of a file's bytes, if any: which encoding it seems to be in, and where. */
export function encodingProblem(bytes: Uint8Array): string | undefined {
  try {
    utf8.decode(bytes);
    // A byte-order mark is UTF-8 still, but front matter after it is not read as front matter.
    return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'starts with a byte-order mark (BOM): save it as UTF-8 without BOM' : undefined;
  } catch {
    const end = Math.max(0, firstInvalidUtf8(bytes));
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, end));
    const line = before.split('\n').length;
    const byte = bytes[end] ?? 0;
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (looksLikeBig5(bytes)) return `is not UTF-8: it looks like Big5 (Traditional Chinese in a legacy encoding), first at line ${line}; save it as UTF-8`;
    const latin1 = String.fromCharCode(byte);
    return `is not UTF-8: line ${line} has the byte ${hex} (“${latin1}” in Latin-1 / Windows-1252); save the file as UTF-8`;
  }
}

/** The offset of the first byte that does not start or continue a UTF-8 sequence (-1 if none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const follow = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (follow < 0) return i;
    for (let k = 1; k <= follow; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += follow + 1;
  }
  return -1;
}

/** Big5 text: its non-ASCII bytes pair up as Big5 characters that are Han, not one stray byte. */
function looksLikeBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1] ?? 0;
    const isBig5 = lead >= 0x81 && lead <= 0xfe && ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe));
    if (!isBig5) return false;
    pairs++;
    i++;
  }
  if (pairs < 2) return false;
  const decoded = new TextDecoder('big5').decode(bytes);
  return (decoded.match(/\p{Script=Han}/gu)?.length ?? 0) >= pairs * 0.8;
}

/** Every file under `dir`, relative to `root`, skipping dotfiles (editors' and systems' own). */
function filesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? filesUnder(root, path) : [path];
  });
}

/** Every problem of content/'s files: each names the file, relative to the project. */
export function contentFileProblems(projectRoot: string, layout: ContentLayout): string[] {
  const problems: string[] = [];
  const read: string[] = [];
  const shown = (path: string) => relative(projectRoot, join(projectRoot, path));
  for (const folder of layout.yamlFolders) {
    for (const path of filesUnder(projectRoot, folder)) {
      const inFolder = relative(folder, path);
      if (inFolder.includes('/')) problems.push(`${shown(path)}: files in subfolders are not read; move it to ${folder}/`);
      else if (/\.yml$/i.test(inFolder)) problems.push(`${shown(path)}: entries are .yaml files; rename it to ${inFolder.replace(/\.yml$/i, '.yaml')}`);
      else if (!inFolder.endsWith('.yaml')) problems.push(`${shown(path)}: ${folder}/ holds .yaml files only; this file would not be read`);
      else read.push(path);
    }
  }
  for (const folder of layout.pageFolders) {
    for (const path of filesUnder(projectRoot, folder)) {
      const parts = relative(folder, path).split('/');
      if (parts.length !== 2) problems.push(`${shown(path)}: a guide page is ${folder}/<locale>/<name>.mdx; this file would not be read`);
      else if (!parts[1]!.endsWith('.mdx')) problems.push(`${shown(path)}: guide pages are .mdx files; this file would not be read`);
      else read.push(path);
    }
  }
  for (const path of [...read, ...layout.files]) {
    const bytes = readFileSync(join(projectRoot, path));
    const problem = encodingProblem(bytes);
    if (problem) problems.push(`${shown(path)}: ${problem}`);
    else if (path.endsWith('.mdx')) problems.push(...guideSourceProblems(new TextDecoder().decode(bytes)).map((p) => `${shown(path)}: ${p}`));
  }
  return problems;
}

export class ContentFilesError extends Error {
  constructor(problems: string[]) {
    super(`content/ has files the build cannot read as they are:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ContentFilesError';
  }
}

/** Throws a ContentFilesError listing every problem, if there is one. */
export function assertContentFiles(projectRoot: string, layout: ContentLayout): void {
  const problems = contentFileProblems(projectRoot, layout);
  if (problems.length) throw new ContentFilesError(problems);
}
