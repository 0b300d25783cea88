import * as jsxRuntime from 'react/jsx-runtime';

// A lesson's `react/jsx-runtime`: the frame's own (see electron/contract/lesson-runtime.ts).
export const { Fragment, jsx, jsxs } = jsxRuntime;
