/**
 * The layer order and no import cycles, checked by `npm run lint` (dependency-cruiser).
 *
 * A folder may import its own layer and the layers below it, never one above. From the bottom:
 *
 *   core      values, fingerprints, lazy sets: the engine's data
 *   tla       parsing, the AST, module loading, name and level checking, editor services
 *   cfg       model configuration files
 *   trace     the trace value: type, construction, keys, printing
 *   eval      compiling and evaluating expressions and actions, the standard modules
 *   quint     Quint's front end (its npm package) and the lowering of its IR to the AST
 *   check     the model checker: search strategies, liveness, the request/result contract
 *   formats   file formats: TLC output, ITF, dot, share links, trace files
 *   pluscal   the PlusCal translator
 *   validate  trace validation
 *   workers   the checker worker and its pool
 *   cli, offline, ui   the command line, the service worker, the app (cli and ui never meet)
 *
 * ESLint (eslint.config.js) keeps UI libraries and DOM globals out of the engine folders; this
 * file keeps the order between folders. Tests are not cruised: they may reach across layers.
 */
const layers = [
  ['core'],
  ['tla'],
  ['cfg'],
  ['trace'],
  ['eval'],
  ['quint'],
  ['check'],
  ['formats'],
  ['pluscal'],
  ['validate'],
  ['workers'],
  ['cli', 'offline'],
  ['ui'],
];

const pathOf = (name) => (name === 'workers' ? '^workers/' : `^src/${name}/`);
const anyOf = (names) => `(${names.map(pathOf).join('|')})`;

/**
 * Known, deliberate crossings:
 * - src/cli/register.mjs and fast-loader.mjs are the loaders that run our TypeScript in Node (for
 *   bin/specstage, the Node worker and the scripts), not CLI code;
 * - src/eval/builtins/oracle/ is a test harness that runs whole models to compare the standard
 *   modules with TLC; it is not part of the evaluator.
 */
const loaders = '^src/cli/(register|fast-loader)\\.mjs$';
const harnesses = '^src/eval/builtins/oracle/';

const upward = layers.flatMap((group, i) => {
  const above = layers.slice(i + 1).flat();
  if (above.length === 0) return [];
  return [
    {
      name: `layer-${group.join('-')}`,
      comment: `${group.join(', ')} must not import a layer above it (${above.join(', ')}): see the order at the top of .dependency-cruiser.cjs`,
      severity: 'error',
      from: { path: anyOf(group), pathNot: harnesses },
      to: { path: anyOf(above), pathNot: loaders },
    },
  ];
});

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'cli-not-ui',
      comment: 'The command line does not use the app, nor the app the command line.',
      severity: 'error',
      from: { path: '^src/(cli|offline)/' },
      to: { path: '^src/ui/' },
    },
    {
      name: 'ui-not-cli',
      comment: 'The app does not use the command line; shared code belongs in a lower layer.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only imports included: a cycle hides which file is first.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing (Vite asset imports like `x.wasm?url` aside).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '\\?(url|raw|worker)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(test|spec)\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
