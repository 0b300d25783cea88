import { useTranslation } from 'react-i18next';
import { resolveAssetUrl } from '../asset-url';
import { useLessonScope } from '../lesson-context';

function fileNameOf(file: string): string {
  return file.split('/').pop() ?? file;
}

/** `<Download file="../assets/consent-form.pdf" title="Consent form template" />`: a file from assets/. */
export function Download({ file, title }: { file: string; title?: string }) {
  const { t } = useTranslation();
  const { assetBaseUrl, host } = useLessonScope();
  const name = fileNameOf(file);
  const extension = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toUpperCase();
  const label = title ?? name;
  // "Parcels (CSV file)" already says what kind of file it is: the type is not added twice.
  const saysType = extension !== undefined && new RegExp(`\\b${extension}\\b`, 'i').test(label);
  return (
    <p className="lesson-download">
      <a
        className="button download-link"
        href={resolveAssetUrl(file, assetBaseUrl)}
        download={name}
        onClick={(event) => {
          // In the sandboxed frame a lesson cannot download: the page around it saves the file.
          if (!host) return;
          event.preventDefault();
          host.download({ folder: 'assets', path: resolveAssetUrl(file, '') });
        }}
      >
        <span aria-hidden="true">⬇</span> {t('download.label', { title: label })}
        {extension && !saysType && <span className="download-type"> ({extension})</span>}
      </a>
    </p>
  );
}
