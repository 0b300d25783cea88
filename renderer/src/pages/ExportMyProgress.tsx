import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/api-context';
import { errorMessage } from '../api/error-message';
import { saveBase64File } from '../save-file';

/**
 * A learner's own progress as a signed file, to take to a trainer's PC on a USB stick
 * (docs/progress-files.md). The core exports the session's own learner only.
 */
export function ExportMyProgress() {
  const { t } = useTranslation();
  const { api, session } = useSession();
  const [error, setError] = useState<unknown>(null);
  const exportMine = () => {
    api['progressFiles.exportOwn']({ session }).then(
      (file) => {
        setError(null);
        saveBase64File({ base64: file.base64, mediaType: 'application/json', fileName: file.fileName });
      },
      (reason: unknown) => setError(reason),
    );
  };
  return (
    <p className="export-my-progress">
      <button type="button" className="button" onClick={exportMine}>
        {t('progressFiles.exportMine')}
      </button>
      {error !== null && <span role="alert">{errorMessage(error, t)}</span>}
    </p>
  );
}
