import { Award, BookOpen, CircleHelp, LayoutGrid, PencilRuler } from 'lucide-react';

/** The kinds of things a course is made of, each with one icon across the app. */
export type ResourceKind = 'lesson' | 'quiz' | 'exercise' | 'canvas' | 'certificate';

const ICONS = { lesson: BookOpen, quiz: CircleHelp, exercise: PencilRuler, canvas: LayoutGrid, certificate: Award } as const;

/** Decorative: the words beside it say what it is, so screen readers skip it. */
export function ResourceIcon({ kind }: { kind: ResourceKind }) {
  const Icon = ICONS[kind];
  return <Icon className="resource-icon" size={18} aria-hidden="true" focusable="false" />;
}
