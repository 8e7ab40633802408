// A file's preview in its details: an image (click to enlarge; a clear placeholder when it
// cannot be decoded), Markdown rendered with the conversation renderer's sanitising, other text
// as text, or a CSV's first rows.
import { useState } from 'react';
import type { FilePreview } from '../../../shared/browse';
import { ImageIcon } from '../components/icons';
import { MessageMarkdown } from '../conversations/MessageMarkdown';
import { ImageViewer } from './ImageViewer';

const MARKDOWN = /\.(md|markdown)$/i;

function ImagePreview({ src, name }: { src: string; name: string }) {
  const [broken, setBroken] = useState(false);
  const [enlarged, setEnlarged] = useState(false);
  if (broken) {
    return (
      <div className="image-placeholder" role="img" aria-label={`${name} cannot be displayed`}>
        <ImageIcon />
        <strong>This image can’t be displayed</strong>
        <span className="muted">The file may be damaged, or in a format this app cannot show. Download it to open it in another app.</span>
      </div>
    );
  }
  return (
    <>
      <figure className="preview-figure">
        {/* A click on the image enlarges it too; keyboard users have the button below. */}
        <img className="preview-image" src={src} alt={`Preview of ${name}`} title="Click to enlarge" onClick={() => setEnlarged(true)} onError={() => setBroken(true)} />
        <figcaption>
          <button type="button" onClick={() => setEnlarged(true)}>
            Enlarge
          </button>
        </figcaption>
      </figure>
      {enlarged && <ImageViewer src={src} name={name} onClose={() => setEnlarged(false)} />}
    </>
  );
}

export function FilePreviewView({ preview, name }: { preview: FilePreview; name: string }) {
  switch (preview.kind) {
    case 'image':
      return <ImagePreview src={preview.dataUrl} name={name} />;
    case 'text':
      return (
        <>
          {MARKDOWN.test(name) ? (
            <div className="preview-markdown" tabIndex={0} role="region" aria-label={`Contents of ${name}`}>
              <MessageMarkdown text={preview.text} />
            </div>
          ) : (
            <pre className="preview-text" tabIndex={0} aria-label={`Contents of ${name}`}>
              <code>{preview.text}</code>
            </pre>
          )}
          {preview.truncated && <p className="muted">Showing the first 64 KB. Download the file to see all of it.</p>}
        </>
      );
    case 'csv':
      return (
        <div className="preview-table" tabIndex={0} role="region" aria-label={`First rows of ${name}`}>
          <table>
            <thead>
              <tr>
                {preview.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td key={column} title={cell}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'none':
      return <p className="muted">{preview.reason}</p>;
  }
}
