/** The static-host headers file, and the policy every page carries. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { builtPages, siteDir } from '../support/site';

const headers = () => readFileSync(join(siteDir(), '_headers'), 'utf8');

/** A policy as directive → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

test('_headers sets the policy and the hardening headers for every path', () => {
  const text = headers();
  expect(text).toMatch(/^\/\*$/m);
  for (const name of ['Content-Security-Policy', 'X-Content-Type-Options: nosniff', 'Referrer-Policy', 'Permissions-Policy']) {
    expect(text).toContain(name);
  }
});

test("no page's policy allows inline scripts, and the header policy allows what each page needs", () => {
  const header = parsePolicy(/Content-Security-Policy: (.*)/.exec(headers())![1]!);
  expect(header.get('script-src')).not.toContain("'unsafe-inline'");
  for (const p of builtPages()) {
    const meta = p.root.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content');
    expect(meta, p.url).toBeTruthy();
    const policy = parsePolicy(meta!);
    expect(policy.get('script-src'), p.url).not.toContain("'unsafe-inline'");
    for (const source of policy.get('script-src')!.filter((s) => !s.startsWith("'sha"))) {
      expect(header.get('script-src'), `${p.url} ${source}`).toContain(source);
    }
    // The header carries no hashes: every script must be a file, not inline.
    expect(p.root.querySelectorAll('script:not([src])').length, p.url).toBe(0);
    expect(p.root.querySelectorAll('style, [style]').length, p.url).toBe(0);
  }
});
