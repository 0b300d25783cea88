// A course's own component: a React function component in the course's components/ folder. It
// may import React (as here) and other files in components/, nothing else: no packages, no
// files elsewhere. Its data comes from the props the lesson writes, like any other component's.
import { useState } from 'react';

export default function Timeline({ title, events = [] }) {
  const [newestFirst, setNewestFirst] = useState(false);
  const shown = newestFirst ? [...events].reverse() : events;
  return (
    <figure className="timeline">
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <button type="button" className="button" aria-pressed={newestFirst} onClick={() => setNewestFirst(!newestFirst)}>
        Newest first
      </button>
      <ol>
        {shown.map((event) => (
          <li key={event.date}>
            <strong>{event.date}</strong>: {event.text}
          </li>
        ))}
      </ol>
    </figure>
  );
}
