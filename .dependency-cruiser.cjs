// The import checks of `npm test` (`npm run check:imports`): no import cycles, and every import
// goes down the layers of docs/architecture.md ("Layers"). A cycle means two modules can't be
// understood, tested or moved apart; an upward import means a rule depends on what uses it.
// Type-only imports count too: they tie the modules' shapes together just the same.

// eslint-disable-next-line @typescript-eslint/no-require-imports -- dependency-cruiser reads a CommonJS config
const { CORE_LAYERS, RENDERER_LAYERS } = require('./scripts/lib/import-layers.cjs');

const either = (patterns) => `(${patterns.join('|')})`;

function layerRules(layers, prefix, toPattern, kind, { sameLayer }) {
  return layers
    .map((layer, index) => {
      const own = layer.folders ?? layer.paths;
      const higher = layers.slice(index + 1).flatMap((above) => above.folders ?? above.paths);
      return own.map((part) => {
        const others = own.filter((candidate) => candidate !== part);
        const banned = sameLayer ? higher : [...higher, ...others];
        return {
          name: `${kind}-layer-${part.replace(/\\\.tsx?\$$|\/$/, '').toLowerCase()}`,
          severity: 'error',
          comment: `${prefix}${part} is in the layer "${layer.name}": it may import only lower layers (docs/architecture.md, Layers).`,
          from: { path: `^${prefix}${toPattern(part)}` },
          to: { path: `^${prefix}${either(banned.map(toPattern))}` },
        };
      });
    })
    .flat()
    .filter((rule) => !rule.to.path.endsWith('()')); // the top layer has nothing above it
}

const coreLayerRules = layerRules(CORE_LAYERS, 'electron/', (folder) => `${folder}/`, 'core', { sameLayer: false });
const rendererLayerRules = layerRules(RENDERER_LAYERS, 'renderer/src/', (part) => part, 'renderer', { sameLayer: true });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other, directly or through others: move the shared part to where both can use it.',
      from: {},
      to: { circular: true },
    },
    ...coreLayerRules,
    ...rendererLayerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|test-results|\\.package-cache|bench/tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.jsx', '.json'] },
  },
};
