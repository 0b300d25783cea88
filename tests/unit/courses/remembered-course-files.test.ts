import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { YamlValueCache } from '../../../electron/course-source/yaml-value-cache.js';
import { CsvReadError, readCsvFile } from '../../../electron/exercises/read-csv-table.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('course files remembered between starts (CSV tables, diagram checks)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let cacheFile: string;
  let csvFile: string;
  beforeEach(() => {
    temp = makeTempDir();
    cacheFile = path.join(temp.dir, 'cache', 'values.json');
    csvFile = path.join(temp.dir, 'members.csv');
    fs.writeFileSync(csvFile, 'name;fee\nAna;12,5\nJordi;10\n');
  });
  afterEach(() => temp.remove());

  it('reads a CSV table once; an unchanged file comes from the cache on the next start, a changed one is read again', () => {
    const first = new YamlValueCache(cacheFile);
    const table = readCsvFile(csvFile, first);
    expect(table.rows).toEqual([
      ['Ana', 12.5],
      ['Jordi', 10],
    ]);
    first.save();

    // Only a table that came from the cache can hold this value: the file does not.
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { values: Record<string, { rows: unknown[][] }> };
    const key = Object.keys(stored.values).find((name) => name.startsWith('csv:'))!;
    stored.values[key]!.rows[0]![1] = 99;
    fs.writeFileSync(cacheFile, JSON.stringify(stored));
    expect(readCsvFile(csvFile, new YamlValueCache(cacheFile)).rows[0]).toEqual(['Ana', 99]);

    fs.appendFileSync(csvFile, 'Mireia;8\n');
    expect(readCsvFile(csvFile, new YamlValueCache(cacheFile)).rows).toHaveLength(3);
  });

  it('never remembers a failure: a broken file is reported at every start', () => {
    fs.writeFileSync(csvFile, 'name,comment\nAna,"not closed\n');
    const cache = new YamlValueCache(cacheFile);
    expect(() => readCsvFile(csvFile, cache)).toThrow(CsvReadError);
    cache.save();
    expect(() => readCsvFile(csvFile, new YamlValueCache(cacheFile))).toThrow(CsvReadError);
  });

  it('remembers that an asynchronous check passed, and only then', async () => {
    const cache = new YamlValueCache(cacheFile);
    let checks = 0;
    const pass = async () => {
      checks += 1;
    };
    await cache.rememberPassed('bpmn', '<definitions/>', pass);
    await cache.rememberPassed('bpmn', '<definitions/>', pass);
    expect(checks).toBe(1);
    await expect(cache.rememberPassed('bpmn', '<broken', () => Promise.reject(new Error('not BPMN')))).rejects.toThrow(
      'not BPMN',
    );
    await expect(cache.rememberPassed('bpmn', '<broken', () => Promise.reject(new Error('not BPMN')))).rejects.toThrow(
      'not BPMN',
    );
  });
});
