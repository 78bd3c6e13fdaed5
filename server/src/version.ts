/** The tool version (stamped by the build from package.json) and where rule docs live. */
declare const __FIVENETS_VERSION__: string | undefined;

export const VERSION: string = typeof __FIVENETS_VERSION__ === 'string' ? __FIVENETS_VERSION__ : '0.0.0-dev';
export const DOCS_BASE = 'https://github.com/fivenets/fivenets/blob/main/docs/rules';
