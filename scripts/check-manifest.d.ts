// Types for scripts/check-manifest.js (plain CommonJS so `node scripts/check-manifest.js` runs).
export type ManifestProblemCode =
  | 'xml-invalid'
  | 'not-taskpane-app'
  | 'missing-element'
  | 'bad-id'
  | 'bad-version'
  | 'bad-permissions'
  | 'no-workbook-host'
  | 'url-not-https'
  | 'appdomain-foreign'
  | 'resid-duplicate'
  | 'resid-too-long'
  | 'resid-undefined'
  | 'resid-wrong-kind'
  | 'resource-empty'
  | 'runtime-not-long'
  | 'no-shared-runtime'
  | 'runtime-page-mismatch'
  | 'function-file-mismatch'
  | 'missing-namespace'
  | 'action-not-registered';

export interface ManifestProblem {
  code: ManifestProblemCode;
  message: string;
}

/** actionNames: names registered with Office.actions.associate (null skips that check). */
export function checkManifestXml(xml: string, options?: { actionNames?: string[] | null }): Promise<ManifestProblem[]>;
export function checkManifestFile(file?: string, options?: { root?: string }): Promise<ManifestProblem[]>;
export function findActionNames(dir: string): string[];
