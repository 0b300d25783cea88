import { describe, expect, it } from 'vitest';
import { initialChunksOf, type BuiltChunk } from '../../../../scripts/bench/lib/builds.js';
import { usesComponent, type BundledLesson } from '../../../../scripts/bench/lib/bundled-courses.js';
import { HEAVY_COMPONENTS } from '../../../../scripts/bench/measure/bundle-size.js';

function chunk(fileName: string, isEntry: boolean, imports: string[] = [], dynamicImports: string[] = []): BuiltChunk {
  return { fileName, isEntry, isDynamicEntry: !isEntry, imports, dynamicImports, moduleIds: [], bytes: 0, gzipBytes: 0 };
}

describe('initial chunks of a build', () => {
  it('are the entries and what they import statically, transitively, but not what they import dynamically', () => {
    const chunks = new Map(
      [
        chunk('index.js', true, ['vendor.js'], ['chart.js']),
        chunk('vendor.js', false, ['shared.js']),
        chunk('shared.js', false, ['vendor.js']), // a cycle must not loop
        chunk('chart.js', false, ['plot.js']),
        chunk('plot.js', false),
      ].map((c) => [c.fileName, c]),
    );
    expect(
      initialChunksOf(chunks)
        .map((c) => c.fileName)
        .sort(),
    ).toEqual(['index.js', 'shared.js', 'vendor.js']);
  });
});

describe('heavy components', () => {
  const componentOf = (moduleId: string) =>
    HEAVY_COMPONENTS.filter((component) => component.packages.test(moduleId)).map((component) => component.what);

  it('are recognised by the packages their modules come from', () => {
    expect(componentOf('/app/node_modules/@observablehq/plot/src/marks/bar.js')).toEqual(['charts']);
    expect(componentOf('/app/node_modules/d3-array/src/index.js')).toEqual(['charts']);
    expect(componentOf('/app/node_modules/sql.js/dist/sql-wasm.js')).toEqual(['SQL engine']);
    expect(componentOf('/app/node_modules/bpmn-js/lib/Modeler.js')).toEqual(['BPMN modeller']);
    expect(componentOf('/app/node_modules/diagram-js/lib/Diagram.js')).toEqual(['BPMN modeller']);
    expect(componentOf('/app/node_modules/@codemirror/view/dist/index.js')).toEqual(['code editor']);
  });

  it('leave the rest of the app alone', () => {
    expect(componentOf('/app/node_modules/react-dom/cjs/react-dom.production.js')).toEqual([]);
    expect(componentOf('/app/renderer/src/lesson/components/Chart.tsx')).toEqual([]);
    expect(componentOf('/app/node_modules/d3fc/index.js')).toEqual([]);
  });
});

describe('components a lesson uses', () => {
  const lesson = (source: string): BundledLesson => ({ courseId: 'c', lessonId: 'l', title: 't', href: '#', source });

  it('are found by their tag, not by a word in the text', () => {
    expect(usesComponent(lesson('Text\n\n<Chart type="bar" src="a.csv" />'), 'Chart')).toBe(true);
    expect(usesComponent(lesson('<Chart\n  type="bar"\n/>'), 'Chart')).toBe(true);
    expect(usesComponent(lesson('A Chart shows <ChartLegend />'), 'Chart')).toBe(false);
  });
});
