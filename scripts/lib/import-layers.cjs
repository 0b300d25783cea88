// The layers of docs/architecture.md ("Layers"), read by the import check (.dependency-cruiser.cjs)
// and by the test that shows each boundary refuses an upward import.

/**
 * The core's folders under electron/, bottom first. A folder may import its own files and any
 * folder of a lower layer; never a higher layer, nor another folder of its own layer (features
 * of one layer stay independent of each other).
 */
const CORE_LAYERS = [
  { name: 'contract', folders: ['contract'] },
  // Shared with the lesson's code in the renderer, like the contract (eslint.config.js).
  { name: 'the SQL runner', folders: ['sql-runner'] },
  // Logic the renderer shares with the core (the process checklist, the "choose all" phrases):
  // pure, like the contract, which is all it may import (lint also keeps Node built-ins out).
  { name: 'rules shared with the renderer', folders: ['rules'] },
  { name: 'shared rules and formats', folders: ['domain', 'crypto', 'pdf', 'xapi', 'course-source'] },
  { name: 'storage', folders: ['db'] },
  { name: 'profiles', folders: ['learners'] },
  { name: 'learning items', folders: ['quiz', 'exercises'] },
  { name: 'courses', folders: ['courses'] },
  { name: 'features', folders: ['certificates', 'reports', 'progress-files', 'lrs'] },
  { name: 'the core (dispatch, handlers, start)', folders: ['core'] },
  { name: 'shells', folders: ['server', 'desktop'] },
];

/**
 * The renderer's parts under renderer/src/, bottom first: a part may import lower layers and its
 * own layer (the small helpers use each other, main.tsx starts App.tsx), never a higher one.
 */
const RENDERER_LAYERS = [
  { name: 'strings and styles', paths: ['i18n/', 'styles/'] },
  {
    name: 'talking to the core and small helpers',
    paths: ['api/', 'router\\.ts$', 'intl-format\\.ts$', 'save-file\\.ts$', 'branding\\.ts$', 'accent-colour\\.ts$'],
  },
  { name: 'shared components', paths: ['components/'] },
  { name: 'lessons', paths: ['lesson/'] },
  { name: 'pages and the lesson frame', paths: ['pages/', 'frame/'] },
  { name: 'the app', paths: ['App\\.tsx$', 'main\\.tsx$'] },
];

module.exports = { CORE_LAYERS, RENDERER_LAYERS };
