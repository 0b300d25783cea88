import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { useLessonScope } from '../lesson/lesson-context';

/**
 * Links in a lesson. A web address opens outside Aula, after the page asks (it needs internet),
 * and says so in the text; a link to a file of the course saves that file; a link within the
 * lesson (`#...`) stays as it is. The frame itself can open nothing: it has no popups and no
 * top navigation, and its page may show only the lesson.
 */
export function LessonLink({ href = '', children, ...rest }: ComponentProps<'a'>) {
  const { t } = useTranslation();
  const { host } = useLessonScope();
  if (/^https?:\/\//i.test(href)) {
    return (
      <a
        {...rest}
        href={href}
        className="external-link"
        onClick={(event) => {
          event.preventDefault();
          host?.openLink(href);
        }}
      >
        {children} <span className="needs-internet">({t('lesson.needsInternet')})</span>
      </a>
    );
  }
  if (href.startsWith('#'))
    return (
      <a {...rest} href={href}>
        {children}
      </a>
    );
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return <span {...rest}>{children}</span>;
  const path = href.replace(/^(?:\.\.\/)*(?:\.\/)?/, '');
  const folder = path.startsWith('data/') ? 'data' : 'assets';
  const inFolder = path.replace(/^(?:assets|data)\//, '');
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        event.preventDefault();
        host?.download({ folder, path: inFolder });
      }}
    >
      {children}
    </a>
  );
}
