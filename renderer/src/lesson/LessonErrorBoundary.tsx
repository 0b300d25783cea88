import { Component, type ReactNode } from 'react';

interface Props {
  /** Shown instead of the lesson when it fails to render; receives the error's message. */
  fallback: (message: string) => ReactNode;
  children: ReactNode;
}

/**
 * Keeps a lesson that fails while rendering (say, a component the installed Aula does not have)
 * from blanking the whole app: the learner sees a message and can still go back.
 */
export class LessonErrorBoundary extends Component<Props, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown): { message: string } {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    return this.state.message === null ? this.props.children : this.props.fallback(this.state.message);
  }
}
