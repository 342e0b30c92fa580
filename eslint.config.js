// ESLint (flat config): the recommended JavaScript and typescript-eslint rules, plus the architecture rule of the
// README. Data flows one way, and a layer imports only from layers to its left:
//   text → ingest → index → retrieve → answer → service → front ends (cli, discord, eval, scripts)
// Shared modules (settings, errors, logging, translations, the data types that cross layers) are importable from
// every layer. Front ends reach the rest only through the service. Tests may import anything.
// Formatting is Prettier's job (`npm run format`); no stylistic rule lives here.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/** Back-end layers, in the order data flows through them. */
const LAYERS = ['text', 'ingest', 'index', 'retrieve', 'answer', 'service'];

/**
 * Front ends. `eval` measures the product from outside, as a user would: it asks through the service like the
 * CLI, and judges the answers' text with the pure string rules of `text` (which script a word is in), as a reader
 * would. `scripts` are the command-line entry points, so they may start any front end.
 */
const FRONT_ENDS = ['cli', 'discord', 'eval'];
/** What each front end may use besides the shared modules, the service and itself. */
const FRONT_END_EXTRAS = { cli: [], discord: [], eval: ['text'] };

const elements = [
  // `.[t]s`: the plugin warns about element patterns ending in a file extension, though they match as intended.
  { type: 'shared', pattern: ['src/{config,errors,log,priority,types}.[t]s', 'src/i18n/**'], partialMatch: false },
  ...LAYERS.map((layer) => ({ type: layer, pattern: `src/${layer}/**`, partialMatch: false })),
  ...FRONT_ENDS.map((frontEnd) => ({ type: frontEnd, pattern: `src/${frontEnd}/**`, partialMatch: false })),
  { type: 'test', pattern: 'test/**', partialMatch: false },
  { type: 'scripts', pattern: 'scripts/**', partialMatch: false },
];

/** Each layer may use itself, the shared modules and every layer to its left. */
const layerPolicies = LAYERS.map((layer, i) => ({
  from: { element: { type: layer } },
  allow: { to: { element: { types: { anyOf: ['shared', ...LAYERS.slice(0, i + 1)] } } } },
}));

const policies = [
  { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'shared' } } } },
  ...layerPolicies,
  ...FRONT_ENDS.map((frontEnd) => ({
    from: { element: { type: frontEnd } },
    allow: { to: { element: { types: { anyOf: ['shared', 'service', frontEnd, ...FRONT_END_EXTRAS[frontEnd]] } } } },
  })),
  {
    from: { element: { type: 'scripts' } },
    allow: { to: { element: { types: { anyOf: ['shared', 'service', 'scripts', ...FRONT_ENDS] } } } },
  },
  { from: { element: { type: 'test' } }, allow: { to: { element: { type: '*' } } } },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'corpus/', 'test/fixtures/tiny-model/*.onnx', 'scripts/gen-corpus.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' },
    },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Type-only imports stay explicit (tsconfig has verbatimModuleSyntax).
      // `typeof import('./x.ts')` types a module that is loaded lazily, on first use.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // Non-null assertions are used where an index was checked a line above; the type checker cannot follow.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Fakes of external services take whatever JSON a client sends.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs', 'test/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['src/**', 'scripts/**', 'test/**'],
      'import/resolver': { node: { extensions: ['.ts', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
    },
  },
  {
    // Benchmarks time the layers themselves, and the retrieval fit re-scores retrieval's diagnostics: like
    // tests, they may import any layer.
    files: ['scripts/bench-*.ts', 'scripts/bench.ts', 'scripts/fit-*.ts'],
    rules: { 'boundaries/dependencies': 'off' },
  },
);
