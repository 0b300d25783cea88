/**
 * The lesson frame's sandbox has no `allow-forms`: a form may never be sent anywhere (its CSP adds
 * `form-action 'none'`). But the browser then drops the submit event too, and the lesson
 * components' forms (quiz questions, exercises) handle their answers in that event, in the page.
 * So a press of a submit button, or Enter in a field (which presses the form's default button),
 * is turned into the submit event itself; the form is still never submitted.
 */
export function handleFormsInPage(doc: Document): void {
  doc.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest('button, input') : null;
      const isSubmit =
        (target instanceof HTMLButtonElement && target.type === 'submit') ||
        (target instanceof HTMLInputElement && (target.type === 'submit' || target.type === 'image'));
      if (!isSubmit || !target.form || target.disabled) return;
      event.preventDefault();
      target.form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: target }));
    },
    true,
  );
}
