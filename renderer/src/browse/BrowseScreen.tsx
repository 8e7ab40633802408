// The signed-in screen: the sidebar (Files, Datasets, Conversations, and Notifications with the
// unread count) and the chosen view in resizable panes, remembered between runs. Requests to open
// an item (palette, ouro:// links, notifications; navigation.ts) switch to its view, which opens it.
import { useState, type JSX } from 'react';
import { BellIcon, ConversationsIcon, DatasetsIcon, FilesIcon } from '../components/icons';
import { ConversationsSection } from '../conversations/ConversationsSection';
import { PaneLayout } from '../layout/PaneLayout';
import { useNavigationRequests, views, type View } from '../navigation';
import { NotificationsView } from '../notifications/NotificationsView';
import { useUnreadCount } from '../notifications/queries';
import { SyncSidebarButton } from '../sync/SyncSidebarButton';
import { AssetSection } from './AssetSection';
import { loadLastSection, saveLastSection } from './preferences';
import './browse.css';

const labels: Record<View, string> = { files: 'Files', datasets: 'Datasets', conversations: 'Conversations', notifications: 'Notifications' };
const icons: Record<View, () => JSX.Element> = { files: FilesIcon, datasets: DatasetsIcon, conversations: ConversationsIcon, notifications: BellIcon };

function Sidebar({ view, onChoose }: { view: View; onChoose(view: View): void }) {
  const unread = useUnreadCount();
  return (
    <nav className="sidebar" aria-label="Sections">
      <ul>
        {views.map((name) => {
          const Icon = icons[name];
          const count = name === 'notifications' && unread ? unread : 0;
          return (
            <li key={name} className={name === 'notifications' ? 'sidebar-separated' : undefined}>
              <button type="button" aria-current={view === name ? 'page' : undefined} onClick={() => onChoose(name)}>
                <Icon />
                <span>{labels[name]}</span>
                {count > 0 && (
                  <span className="unread-badge" data-testid="unread-count">
                    <span className="visually-hidden">, </span>
                    {count > 99 ? '99+' : count}
                    <span className="visually-hidden"> unread</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
        <li className="sidebar-sync">
          <SyncSidebarButton />
        </li>
      </ul>
    </nav>
  );
}

export function BrowseScreen() {
  const [view, setView] = useState<View>(() => {
    const saved = loadLastSection();
    return views.includes(saved as View) ? (saved as View) : 'files';
  });
  const choose = (next: View) => {
    setView(next);
    saveLastSection(next);
  };
  useNavigationRequests((request) => {
    if (request.view !== view) choose(request.view);
  });
  const sidebar = <Sidebar view={view} onChoose={choose} />;
  return (
    <div className="browse">
      {view === 'conversations' ? (
        <ConversationsSection sidebar={sidebar} />
      ) : view === 'notifications' ? (
        <PaneLayout id="notifications" sidebar={sidebar} list={<NotificationsView />} details={null} detailsLabel="" onCloseDetails={() => {}} />
      ) : (
        <AssetSection key={view} section={view} sidebar={sidebar} />
      )}
    </div>
  );
}
