import path from 'node:path';
import { checkCourse } from '../../electron/courses/check/check-course.js';
import { parseCommandArgs, shownPath, UsageError, userPath, type Command } from './cli-helpers.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'check a course folder and list every problem',
  help: `Usage: npm run course -- check <course folder>

Checks everything in a course folder: course.yaml and its completion rule, every lesson (MDX
syntax, frontmatter, components, the data columns charts name, images, links, the References
section, compilation), quizzes and exercises. Prints each problem once, where it must be fixed,
as path:line:column severity: message. Exits 0 when there are no errors (warnings do not fail).`,
  async run(args) {
    const { positionals } = parseCommandArgs(args, {});
    const [folder] = positionals;
    if (!folder || positionals.length > 1) throw new UsageError('give exactly one course folder');
    const courseDir = userPath(folder);
    const report = await checkCourse(courseDir);
    for (const line of report.format(`${shownPath(courseDir)}${path.sep}`)) console.log(line);
    const summary = `${report.errorCount} error${report.errorCount === 1 ? '' : 's'}, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}`;
    console.log(report.errorCount === 0 ? `Course OK (${summary}).` : `Course has problems: ${summary}.`);
    return report.errorCount === 0 ? 0 : 1;
  },
};
