/**
 * The floors of src/ (README "Development", docs/architecture.md): each rule names a wall; `npm run lint` runs them.
 * A folder is the first path segment under src/; files directly in src/ are the composition root.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'model-is-plain-data',
      comment: 'model/ holds types and pure helpers of the slide model; it imports only model/.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { pathNot: ['^src/model/'], dependencyTypesNot: ['core', 'type-only'] },
    },
    {
      name: 'model-types-only-from-model',
      comment: 'Even type imports: model/ imports nothing outside model/.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    {
      name: 'util-imports-only-util',
      comment: 'util/ is the bottom floor: small helpers that know nothing of briefdeck.',
      severity: 'error',
      from: { path: '^src/util/' },
      to: { path: '^src/', pathNot: '^src/util/' },
    },
    {
      name: 'no-cli-from-below',
      comment: 'Only cli/, commands/ and the entry files import cli/ or commands/.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(cli|commands)/', '^src/(cli|bin)\\.ts$'] },
      to: { path: '^src/(cli|commands)/' },
    },
    {
      name: 'pptxgenjs-only-in-render',
      comment: 'render/ is the one module that writes the presentation with pptxgenjs.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/render/' },
      to: { path: 'node_modules/pptxgenjs/' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'No two folders of src/ import each other, directly or through others.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/[^/]+' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '^(dist|node_modules)' },
  },
};
