import * as ReactDom from 'react-dom';

// A lesson's `react-dom`: the frame's own instance (see electron/contract/lesson-runtime.ts), its
// names listed as React's are (runtime/react.ts).
export default ReactDom;
export const {
  createPortal,
  flushSync,
  preconnect,
  prefetchDNS,
  preinit,
  preinitModule,
  preload,
  preloadModule,
  requestFormReset,
  useFormStatus,
  version,
} = ReactDom;
