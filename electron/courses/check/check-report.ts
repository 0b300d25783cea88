/** One problem found by `course check`, located so an editor can jump to it. */
export interface CheckProblem {
  severity: 'error' | 'warning';
  /** Path relative to the course folder. */
  file: string;
  line: number;
  column: number;
  message: string;
}

export class CheckReport {
  readonly problems: CheckProblem[] = [];

  error(file: string, line: number, column: number, message: string): void {
    this.problems.push({ severity: 'error', file, line, column, message });
  }

  warning(file: string, line: number, column: number, message: string): void {
    this.problems.push({ severity: 'warning', file, line, column, message });
  }

  get errorCount(): number {
    return this.problems.filter((p) => p.severity === 'error').length;
  }

  get warningCount(): number {
    return this.problems.filter((p) => p.severity === 'warning').length;
  }

  /** Problems in file order, then by position, as `path:line:column severity: message`. */
  format(prefix = ''): string[] {
    return [...this.problems]
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
      .map((p) => `${prefix}${p.file}:${p.line}:${p.column} ${p.severity}: ${p.message}`);
  }
}
