import { useMutation } from '@tanstack/react-query';
import { Alert, Form, type FormInstance, type FormProps } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useErrorText } from '../i18n/index.tsx';
import { clearChangedErrors, coversFields, showFieldErrors, shownFields } from './formErrors.ts';

export interface ServerFormOptions<V, R> {
  submit: (values: V) => Promise<R>;
  onDone: (result: R, values: V) => void;
  /** The caller's own instance, when it watches or sets fields outside the form. */
  form?: FormInstance<V>;
}

/**
 * A form that saves through the API. The save is a mutation, and the form is locked while it
 * runs. The server's per-field messages show under the fields the form shows, found by name
 * (no list to keep in step), and leave when the field is changed; any other error shows in a
 * banner above the form, in the server's words (never its JSON).
 */
export function useServerForm<V extends object, R>({ submit, onDone, form: given }: ServerFormOptions<V, R>) {
  const errorText = useErrorText();
  const [form] = Form.useForm<V>(given);
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: onDone,
    onError: (error) => {
      // Saved from the foot of a long form (a phone's drawer), the message must come into view.
      const first = showFieldErrors(form, error, shownFields(form));
      if (first) form.scrollToField(first, { block: 'center' });
    },
  });
  // Each failed save brings the banner (when there is one) into view.
  const bannerRef = useRef<HTMLDivElement>(null);
  const failedAt = mutation.isError ? mutation.submittedAt : 0;
  useEffect(() => {
    if (failedAt) bannerRef.current?.scrollIntoView({ block: 'nearest' });
  }, [failedAt]);
  const banner: ReactNode = mutation.isError && !coversFields(mutation.error, shownFields(form)) && (
    <div ref={bannerRef}>
      <Alert type="error" showIcon title={errorText(mutation.error)} style={{ marginBottom: 16 }} />
    </div>
  );
  const formProps: FormProps<V> = {
    form,
    layout: 'vertical',
    onFinish: (values) => mutation.mutate(values),
    onValuesChange: clearChangedErrors(form),
    disabled: mutation.isPending,
    scrollToFirstError: { block: 'center' },
  };
  return { form, mutation, banner, formProps };
}
