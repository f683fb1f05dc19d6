import { useEffect, useState } from 'react';
import type { FormValues } from '../../../shared/domain/approvals/form.ts';
import type { RequestPreview } from '../../../shared/domain/approvals/preview.ts';
import { portico } from '../../bridge/portico.ts';

/** How long typing must pause before the server is asked again. */
export const PREVIEW_PAUSE_MS = 250;

/**
 * The server's reading of the form as it is being filled: computed fields (a leave's working
 * days) and who would approve. The answer to stale values is dropped, so a slow reply never
 * overwrites a newer one; `null` while offline or before the first answer.
 */
export function useRequestPreview(templateKey: string, values: FormValues): RequestPreview | null {
  const [preview, setPreview] = useState<RequestPreview | null>(null);
  const serialized = JSON.stringify(values);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void portico
        .call('approvals.preview', { templateKey, values: JSON.parse(serialized) as FormValues })
        .then((answer) => {
          if (current) setPreview(answer);
        })
        .catch(() => {
          if (current) setPreview(null);
        });
    }, PREVIEW_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [templateKey, serialized]);
  return preview;
}
