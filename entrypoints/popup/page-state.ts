import { useEffect, useState } from 'preact/hooks';
import type { PageState } from '../../lib/messages';
import type { PopupApi } from './api';

export type PageStatus = { status: 'loading' } | { status: 'unreadable' } | { status: 'ready'; page: PageState };

/** The active tab as its content script sees it; 'unreadable' where no content script can run. */
export function usePageState(api: PopupApi): [PageStatus, () => void] {
  const [state, setState] = useState<PageStatus>({ status: 'loading' });
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    api.pageState().then(
      (page) => live && setState({ status: 'ready', page }),
      () => live && setState({ status: 'unreadable' }),
    );
    return () => {
      live = false;
    };
  }, [api, asked]);
  return [state, () => setAsked((n) => n + 1)];
}
