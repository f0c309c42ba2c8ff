// Lint: TypeScript rules, React hooks, the formatter's peace (eslint-config-prettier), and the
// layer boundaries of README.md's map of the code (app → features → components/store/db → domain;
// features never import each other; code outside a src/domain package imports only its face).
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettierConfig from 'eslint-config-prettier';
import { readdirSync } from 'node:fs';

const FEATURES = readdirSync('src/features', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/**
 * Size debt: files that still break the size limits below, each to be split (a hook that holds
 * the state plus small parts that draw; a module per concern). The list only shrinks: remove a
 * file when it is split; never add one.
 */
const SIZE_DEBT = [
  'src/domain/conflicts/nodes.ts',
  'src/domain/conflicts/rules/timeline.ts',
  'src/features/calendar/calendar-adapter.ts',
  'src/features/editor/EditorDialog.tsx',
  'src/features/finder/FindDates.tsx',
  'src/features/finder/ScenarioCompare.tsx',
  'src/features/finder/Scenarios.tsx',
  'src/features/io/ExportDialog.tsx',
  'src/features/route/ItineraryView.tsx',
  'src/features/route/RouteMap.tsx',
];

/** The packages of src/domain, each with an index.ts face. */
const DOMAIN_PACKAGES = readdirSync('src/domain', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const SRC_TOP = ['./src/app', './src/components', './src/db', './src/features', './src/store', './src/main.tsx'];

/** Each package's face: anything outside the package imports only its index.ts. */
const faceZones = DOMAIN_PACKAGES.map((p) => ({
  target: [...SRC_TOP, ...DOMAIN_PACKAGES.filter((q) => q !== p).map((q) => `./src/domain/${q}`)],
  from: `./src/domain/${p}`,
  except: ['./index.ts'],
  message: `Import src/domain/${p} through its face (src/domain/${p}/index.ts).`,
}));

export default tseslint.config(
  { ignores: ['dist', 'dist-faults', 'node_modules', 'coverage', 'dev-dist', 'artifacts', 'summitry-data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettierConfig,
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver': { typescript: true, node: true },
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs'],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text as text: dangerouslySetInnerHTML is forbidden.',
        },
        {
          selector: "Property[key.name='dangerouslySetInnerHTML']",
          message: 'Render text as text: dangerouslySetInnerHTML is forbidden.',
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: ['./src/db', './src/store', './src/features', './src/components', './src/app'],
              message: 'src/domain imports nothing of ours outside src/domain.',
            },
            {
              target: './src/db',
              from: ['./src/store', './src/features', './src/components', './src/app'],
              message: 'src/db may import only src/domain.',
            },
            {
              target: './src/store',
              from: ['./src/db', './src/features', './src/components', './src/app'],
              message: 'src/store may import only src/domain.',
            },
            {
              target: './src/components',
              from: ['./src/features', './src/app', './src/db'],
              message: 'Shared components are presentational: no features, app or db.',
            },
            {
              target: './src/sync',
              from: ['./src/store', './src/features', './src/components', './src/app'],
              message: 'src/sync (the background sync service) may import only src/db and src/domain.',
            },
            {
              target: './server',
              from: ['./src/db', './src/store', './src/features', './src/components', './src/app'],
              message: 'The sync server shares only the protocol (src/sync/protocol) with the app.',
            },
            { target: './src/features', from: ['./src/app'], message: 'Features do not import the app shell.' },
            ...faceZones,
            ...FEATURES.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
              message: 'Features do not import each other; share through domain, db, store or components.',
            })),
          ],
        },
      ],
    },
  },
  {
    // No import cycles in the app's code, and small pieces: a file reads in one sitting, a
    // function fits on a screen (STYLE.md).
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: SIZE_DEBT,
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'Talk to IndexedDB through src/db only.' }] },
      ],
    },
  },
  {
    // Last, so it wins over the block above for src/domain.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'src/domain is pure TypeScript: no React.' },
            { name: 'react-dom', message: 'src/domain is pure TypeScript: no React.' },
            { name: 'dexie', message: 'src/domain is pure TypeScript: no Dexie.' },
            { name: 'dexie-react-hooks', message: 'src/domain is pure TypeScript: no Dexie.' },
            { name: 'zustand', message: 'src/domain is pure TypeScript: no store.' },
          ],
          patterns: [
            { group: ['@fullcalendar/*', 'react/*', 'react-dom/*'], message: 'src/domain is pure TypeScript.' },
          ],
        },
      ],
    },
  },
);
