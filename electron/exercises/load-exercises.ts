import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { SqlTable } from '../contract/channels.js';
import { CourseProblem } from '../course-source/course-problem.js';
import type { YamlValueCache } from '../course-source/yaml-value-cache.js';
import { ExerciseDefinitionSchema, type ExerciseDefinition } from './exercise-definition.js';
import { InvalidDiagramError, parseBpmn } from './grade-process.js';
import { CsvReadError, readCsvFile } from './read-csv-table.js';

/** Starting diagrams are small drawings; a bigger file is refused rather than sent to every lesson. */
export const MAX_STARTING_DIAGRAM_BYTES = 500_000;

/** An exercise as the core keeps it: its definition plus what it needs from the course's files. */
export type LoadedExercise = {
  /** `exercises/<name>.yaml`, for messages to the trainer. */
  file: string;
  definition: ExerciseDefinition;
  /** For SQL exercises: the course's CSV files as tables, read once when the course loads. */
  tables: SqlTable[];
  /** For process exercises: the BPMN XML to start from, or null. */
  startingDiagram: string | null;
};

export type YamlReader = <T>(file: string, displayName: string, schema: z.ZodType<T>) => T;

function courseFile(courseDir: string, folder: 'data' | 'assets', name: string): string {
  return path.join(courseDir, folder, ...name.split('/'));
}

/** Reads an SQL exercise's tables from `dataDir`, naming `dataLabel` (e.g. `data/`) in messages. */
export function readTables(
  dataDir: string,
  dataLabel: string,
  displayName: string,
  tables: Record<string, string>,
  cache: YamlValueCache | undefined,
): SqlTable[] {
  return Object.entries(tables).map(([name, file]) => {
    try {
      return { name, file, ...readCsvFile(path.join(dataDir, ...file.split('/')), cache) };
    } catch (error) {
      if (error instanceof CsvReadError)
        throw new CourseProblem(displayName, `tables.${name}: ${dataLabel}${file} ${error.message}`);
      throw error;
    }
  });
}

async function readStartingDiagram(
  courseDir: string,
  displayName: string,
  name: string,
  cache: YamlValueCache | undefined,
): Promise<string> {
  const file = courseFile(courseDir, 'assets', name);
  let xml: string;
  try {
    if (fs.statSync(file).size > MAX_STARTING_DIAGRAM_BYTES) {
      throw new CourseProblem(displayName, `startingDiagram: assets/${name} is larger than 500 KB`);
    }
    xml = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof CourseProblem) throw error;
    throw new CourseProblem(displayName, `startingDiagram: assets/${name} does not exist`);
  }
  try {
    // Parsing loads bpmn-moddle (a large library): with a cache, only for a diagram not seen before.
    if (cache) await cache.rememberPassed('bpmn', xml, () => parseBpmn(xml));
    else await parseBpmn(xml);
  } catch (error) {
    if (error instanceof InvalidDiagramError)
      throw new CourseProblem(displayName, `startingDiagram: assets/${name} is ${error.message}`);
    throw error;
  }
  return xml;
}

async function loadOne(
  courseDir: string,
  displayName: string,
  definition: ExerciseDefinition,
  cache: YamlValueCache | undefined,
): Promise<LoadedExercise> {
  const loaded: LoadedExercise = { file: displayName, definition, tables: [], startingDiagram: null };
  switch (definition.type) {
    case 'number':
      if (definition.data) {
        try {
          readCsvFile(courseFile(courseDir, 'data', definition.data), cache);
        } catch (error) {
          if (error instanceof CsvReadError)
            throw new CourseProblem(displayName, `data: data/${definition.data} ${error.message}`);
          throw error;
        }
      }
      return loaded;
    case 'sql':
      return { ...loaded, tables: readTables(path.join(courseDir, 'data'), 'data/', displayName, definition.tables, cache) };
    case 'process':
      return {
        ...loaded,
        startingDiagram: definition.startingDiagram
          ? await readStartingDiagram(courseDir, displayName, definition.startingDiagram, cache)
          : null,
      };
  }
}

/**
 * Reads every `exercises/*.yaml` of a course, checks the files they name (CSV tables, starting
 * diagrams) and returns them by id. Throws CourseProblem naming the file at fault, like quizzes.
 * With a cache, CSV tables and diagram checks of unchanged files are remembered between starts.
 */
export async function loadExercises(
  courseDir: string,
  readYaml: YamlReader,
  cache?: YamlValueCache,
): Promise<Map<string, LoadedExercise>> {
  const exercises = new Map<string, LoadedExercise>();
  const folder = path.join(courseDir, 'exercises');
  if (!fs.existsSync(folder)) return exercises;
  for (const name of fs.readdirSync(folder).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const displayName = `exercises/${name}`;
    const definition = readYaml(path.join(folder, name), displayName, ExerciseDefinitionSchema);
    const previous = exercises.get(definition.id);
    if (previous) {
      throw new CourseProblem(displayName, `exercise id "${definition.id}" is used by ${previous.file} too`);
    }
    exercises.set(definition.id, await loadOne(courseDir, displayName, definition, cache));
  }
  return exercises;
}
