import fs from 'node:fs';
import path from 'node:path';
import { slugify } from './keygen-command.js';
import { parseCommandArgs, UsageError, userPath, type Command } from './cli-helpers.js';

function scaffold(id: string, title: string): Record<string, string> {
  return {
    'course.yaml': `# The manifest of your course. docs/course-format.md explains every field.
id: ${id}
version: 0.1.0
title: ${title}
summary: >-
  One or two sentences that tell a learner what this course is about and who it is for.
language: en
authors:
  - name: Your Name
    organisation: Your Organisation
organisation: Your Organisation
license: CC-BY-4.0
level: beginner
estimatedMinutes: 15
tags: [example]
lessons:
  - id: welcome
    file: lessons/01-welcome.mdx
completion:
  rule: all-quizzes
  lessonsVisited: true
certificate:
  enabled: true
  hours: 0.5
`,
    'lessons/01-welcome.mdx': `---
title: Welcome
minutes: 15
objectives:
  - Know how a lesson in Aula is written
  - Answer a first question
---

## A lesson is a text file

This lesson is written in **Markdown**, with a few of Aula's components. Change this text, save,
and see it again with \`npm run course -- preview\`.

![A course folder with lessons, quizzes and assets](../assets/course-folder.svg)

| Folder | What goes in it |
|---|---|
| lessons | One file per lesson |
| quizzes | Questions and their answers |
| assets | Images and files to download |

<Callout kind="tip" title="Check as you go">
  Run \`npm run course -- check\` on your course folder: it tells you the file, line and column
  of every problem.
</Callout>

<Quiz id="welcome-check" />

## References

- Aula documentation: docs/course-format.md.
`,
    'quizzes/welcome-check.yaml': `id: welcome-check
title: Check your understanding
passMark: 70
questions:
  - id: where-questions
    type: single-choice
    prompt: Where do the answers to a quiz live?
    explanation: Answer keys stay in the quiz files, inside Aula's core; the lesson page never sees them.
    choices:
      - id: in-the-lesson
        text: In the lesson's text
        feedback: The lesson only names the quiz with <Quiz id="..." />.
      - id: in-quiz-file
        text: In a quiz file in the quizzes folder
        correct: true
        feedback: Yes.
`,
    'assets/course-folder.svg': `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 160" role="img" aria-labelledby="t">
  <title id="t">A course folder with lessons, quizzes and assets</title>
  <rect width="360" height="160" fill="#f3efe6"/>
  <g font-family="sans-serif" font-size="16" fill="#1f2328">
    <rect x="20" y="30" width="90" height="90" rx="10" fill="#fff" stroke="#1d5c63" stroke-width="3"/>
    <text x="65" y="145" text-anchor="middle">lessons</text>
    <rect x="135" y="30" width="90" height="90" rx="10" fill="#fff" stroke="#1d5c63" stroke-width="3"/>
    <text x="180" y="145" text-anchor="middle">quizzes</text>
    <rect x="250" y="30" width="90" height="90" rx="10" fill="#fff" stroke="#1d5c63" stroke-width="3"/>
    <text x="295" y="145" text-anchor="middle">assets</text>
  </g>
</svg>
`,
  };
}

export const newCommand: Command = {
  name: 'new',
  summary: 'create a working example course to start from',
  help: `Usage: npm run course -- new <folder> [--title "<course title>"]

Creates a small course that passes "course check": course.yaml, one lesson, one quiz and one
image. The course id is made from the folder name.`,
  async run(args) {
    const { positionals, values } = parseCommandArgs(args, { title: { type: 'string' } });
    const [folder] = positionals;
    if (!folder || positionals.length > 1) throw new UsageError('give exactly one folder for the new course');
    const target = userPath(folder);
    if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
      console.error(`${target} already exists and is not empty; choose a new folder.`);
      return 1;
    }
    const id = slugify(path.basename(target));
    const title = typeof values.title === 'string' ? values.title : 'My first Aula course';
    for (const [relative, content] of Object.entries(scaffold(id, title))) {
      const file = path.join(target, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    console.log(`Created course "${id}" in ${target}.`);
    console.log(`Next: npm run course -- check ${folder}   then   npm run course -- preview ${folder}`);
    return 0;
  },
};
