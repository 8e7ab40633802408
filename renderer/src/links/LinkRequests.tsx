// Takes what main asks the page to open — ouro:// links, clicked OS notifications — once on mount
// (a link may have launched the app before the page listened) and on every `links:requested`.
// An item is opened (navigation only, never an action); a refused link becomes a polite notice.
import { useCallback, useEffect, useState } from 'react';
import type { OpenRequest } from '../../../shared/links';
import { CloseIcon } from '../components/icons';
import { useOuroEvent } from '../events';
import { openItem } from '../navigation';
import { call } from '../ouro';

export function LinkRequests() {
  const [notice, setNotice] = useState<string | null>(null);

  const apply = (requests: OpenRequest[]) => {
    for (const request of requests) {
      if (request.outcome === 'open') {
        setNotice(null);
        openItem(request.target);
      } else {
        setNotice(request.message);
      }
    }
  };

  const take = useCallback(() => {
    call('links:take').then(apply, () => {
      // Nothing taken: main keeps them for the next `links:requested`.
    });
  }, []);
  useEffect(take, [take]);
  useOuroEvent('links:requested', take);

  return (
    <div className="link-notice-host" role="status">
      {notice && (
        <div className="link-notice">
          <span>{notice}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setNotice(null)}>
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  );
}
