// ESLint (npm run lint:code, part of npm test): typescript-eslint's type-checked rules over
// every TypeScript project of `tsc -b` (server, client, test — which takes in scripts/ and
// bench/), and the plain rules over the build scripts (.mjs). Formatting is Prettier's job.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['**/node_modules/**', '**/out/**', '.tsbuild/**', 'coverage/**', '**/*.generated.ts', 'test/fixtures/**', 'test/e2e/artifacts/**', 'test/report/artifacts/**', 'bench/.corpus/**', '.tmp/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The TypeScript language service finds each file's project through the root
        // tsconfig.json's references, as the editor does.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its error: await it, catch it, or mark a deliberate
      // fire-and-forget with `void` and say why next to it.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A switch over a union names every member or has a default; adding a member to the
      // union then shows every switch that must learn it.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { allowDefaultCaseForExhaustiveSwitch: true, considerDefaultExhaustiveForUnions: true }],
      // A `let` filled in after the closures that read it (an error handler that needs the
      // client it is given to) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_name` marks a parameter or binding kept for its position or to leave it out.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Heavy or optional modules (the report, the Word converter, Playwright, @xmldom/xmldom
      // without its DOM typings) are loaded lazily with require() and typed with
      // `typeof import(…)`: a static import would load them at start-up.
      '@typescript-eslint/no-require-imports': 'off',
      // Control characters in a pattern are on purpose here: output formatters and tests
      // strip or look for them (XML 1.0, terminal escapes).
      'no-control-regex': 'off',
      // Chinese text and comments use the ideographic space (U+3000) as ordinary text.
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true, skipRegExps: true }],
    },
  },
  {
    // Tests, benchmarks and scripts read the CLI's JSON and SARIF output, package manifests
    // and LSP payloads through JSON.parse (`any`) and check their shape with assertions at run
    // time; typing every such read would add casts that check nothing.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
