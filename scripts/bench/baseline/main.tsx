/**
 * The benchmark's baseline: the smallest React page Vite builds, with no data, fonts or styles.
 * It is interactive once the button below is on the page, as Aula's catalog is once its lesson
 * links are. Not part of the app (and not translated): it is only ever shown to the benchmark.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function BaselinePage() {
  const [clicks, setClicks] = useState(0);
  return (
    <main>
      <h1>Baseline page</h1>
      <button type="button" id="baseline-ready" onClick={() => setClicks(clicks + 1)}>
        Clicked {clicks} times
      </button>
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BaselinePage />
    </StrictMode>,
  );
}
