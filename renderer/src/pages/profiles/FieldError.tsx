/**
 * A validation message shown right under the field it is about. The field points at it with
 * aria-describedby, and role="alert" reads it out as soon as it appears.
 */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} role="alert" className="form-error field-error">
      {message}
    </p>
  ) : null;
}

/** The ids an input is described by: its help text, and its error while it has one. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
