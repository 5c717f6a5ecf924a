/**
 * Enter in a date field commits the typed date (the picker does that itself). It must not also
 * submit the form around it, as the browser does for Enter in any text field of a form: the user
 * would save a half-filled form, or one whose date they were still correcting. One listener for
 * every date field of every form, ahead of React's, so no form can forget it.
 */
export function keepEnterInDateFields(doc: Document): void {
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter') return;
      const field = event.target;
      if (field instanceof HTMLInputElement && field.form && field.closest('.ant-picker')) event.preventDefault();
    },
    true,
  );
}
